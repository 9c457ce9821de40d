// `verity-ca blast-radius`: every user of the tenant through the request's app and conditions for
// each standard flow (or the --flows chosen), with counts and user lists per outcome; with
// --compare-policies, which users change outcome if the policies in that export replace the
// current ones (the "before/after an edit" review of issue 2, item 8).

import {
  computeBlastRadius,
  diffBlastRadius,
  signInOutcomes,
  type BlastRadius,
  type BlastRadiusDiff,
  type BlastRadiusFlow,
} from '../../lib/conditional-access/blast-radius';
import type { SignInOutcome } from '../../lib/conditional-access/sign-in-flow';
import { standardSignInFlows } from '../../lib/conditional-access/standard-flows';
import type { CommandResult } from '../command-result';
import { loadRequest, loadTenant } from '../load-inputs';
import { usageError, type CommandOptions } from '../parse-command-line';
import { renderTable } from '../render-table';
import { parseMethods } from './flow';

const usersListedPerOutcome = 10;

export function runBlastRadiusCommand(options: CommandOptions): CommandResult {
  const flows = selectFlows(options.flows);
  const compiled = loadTenant(options);
  // The request's user, if any, is ignored: blast radius is about every user.
  const { signInIdentity: _ignored, ...request } = loadRequest(options, options.request ?? '');
  const blastOptions = { request, flows, passwordForgotten: options.passwordForgotten };
  const before = computeBlastRadius(compiled, blastOptions);
  const comparePolicies = options.comparePolicies;
  const diff =
    comparePolicies === undefined
      ? undefined
      : { file: comparePolicies, after: computeBlastRadius(loadTenant(options, comparePolicies), blastOptions) };
  const comparison = diff && { file: diff.file, after: diff.after, diff: diffBlastRadius(before, diff.after) };
  return {
    json: {
      userCount: before.userCount,
      distinctProfiles: before.distinctProfiles,
      passwordForgotten: options.passwordForgotten,
      flows: before.flows.map(({ flowId, label, methods, counts, users }) => ({
        flowId,
        label,
        methods,
        counts,
        users,
      })),
      ...(comparison && {
        comparison: {
          policies: comparison.file,
          changedUserCount: comparison.diff.changedUserCount,
          flows: comparison.diff.flows.map((flow, index) => ({
            ...flow,
            countsBefore: before.flows[index]?.counts,
            countsAfter: comparison.after.flows.find((after) => after.flowId === flow.flowId)?.counts,
          })),
        },
      }),
    },
    text: renderBlastRadius(before, options.passwordForgotten, comparison),
  };
}

/** Standard flow ids, or a custom flow written as methods joined by "+", e.g. password+sms. */
function selectFlows(ids: readonly string[] | undefined): BlastRadiusFlow[] {
  if (ids === undefined) return [...standardSignInFlows];
  return ids.map((id) => {
    const standard = standardSignInFlows.find((flow) => flow.id === id);
    if (standard !== undefined) return standard;
    if (id.includes('+')) return { id, methods: parseMethodsFor(id.split('+')) };
    throw usageError(
      `--flows: "${id}" is not a standard flow (${standardSignInFlows.map((flow) => flow.id).join(', ')}) nor methods joined by "+"`,
      'blast-radius',
    );
  });
}

function parseMethodsFor(names: string[]) {
  try {
    return parseMethods(names);
  } catch (error) {
    throw error instanceof Error ? usageError(error.message.replace('--methods', '--flows'), 'blast-radius') : error;
  }
}

function renderBlastRadius(
  radius: BlastRadius,
  passwordForgotten: boolean,
  comparison: { file: string; after: BlastRadius; diff: BlastRadiusDiff } | undefined,
): string {
  const upnById = new Map(radius.userIds.map((id, index) => [id, radius.userPrincipalNames[index] ?? id]));
  const heading = `Blast radius: ${radius.userCount} users x ${radius.flows.length} flows${passwordForgotten ? ', every password forgotten' : ''} (${radius.distinctProfiles} distinct user profiles evaluated)`;
  const table = renderTable(
    [{ header: 'Flow' }, ...signInOutcomes.map((outcome) => ({ header: outcome, align: 'right' as const }))],
    radius.flows.map((flow) => [flow.label, ...signInOutcomes.map((outcome) => String(flow.counts[outcome]))]),
  );
  const lists = radius.flows.flatMap((flow) =>
    signInOutcomes
      .filter((outcome) => outcome !== 'granted' && flow.users[outcome].length > 0)
      .map((outcome) => `  ${flow.label}, ${outcome}: ${listUsers(flow.users[outcome], upnById)}`),
  );
  const sections = [heading, '', table];
  if (lists.length > 0) sections.push('', 'Users not granted:', ...lists);
  if (comparison !== undefined) sections.push('', renderComparison(radius, comparison));
  return sections.join('\n');
}

function renderComparison(
  before: BlastRadius,
  comparison: { file: string; after: BlastRadius; diff: BlastRadiusDiff },
): string {
  const countsText = (counts: Record<SignInOutcome, number> | undefined) =>
    counts === undefined ? '-' : signInOutcomes.map((outcome) => counts[outcome]).join('/');
  const table = renderTable(
    [
      { header: 'Flow' },
      { header: 'before g/i/b/u' },
      { header: 'after g/i/b/u' },
      { header: 'changed', align: 'right' },
    ],
    comparison.diff.flows.map((flow, index) => [
      flow.label,
      countsText(before.flows[index]?.counts),
      countsText(comparison.after.flows.find((after) => after.flowId === flow.flowId)?.counts),
      String(flow.changes.length),
    ]),
  );
  const changes = comparison.diff.flows.flatMap((flow) => {
    const shown = flow.changes
      .slice(0, usersListedPerOutcome)
      .map((change) => `  ${flow.label}: ${change.userPrincipalName} ${change.before} -> ${change.after}`);
    const more = flow.changes.length - shown.length;
    return more > 0 ? [...shown, `  ${flow.label}: ... and ${more} more`] : shown;
  });
  return [
    `With the policies in ${comparison.file}: ${comparison.diff.changedUserCount} user(s) change outcome in at least one flow.`,
    '',
    table,
    ...(changes.length > 0 ? ['', 'Changes:', ...changes] : []),
  ].join('\n');
}

function listUsers(ids: readonly string[], upnById: ReadonlyMap<string, string>): string {
  const shown = ids.slice(0, usersListedPerOutcome).map((id) => upnById.get(id) ?? id);
  return ids.length > shown.length ? `${shown.join(', ')} ... and ${ids.length - shown.length} more` : shown.join(', ');
}
