// Every message key the simulator pages use exists in English and French (the catalogue returns the key itself
// when one is missing, which would show raw keys on screen).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signInOutcomes } from '../../lib/conditional-access/blast-radius';
import { standardSignInFlows } from '../../lib/conditional-access/standard-flows';
import { scenarioPresetIds } from '../../lib/simulator/scenario-presets';
import { blastRadiusLabelKeys, policyEditorLabelKeys } from '../../lib/simulator/message-keys';
import en from '../../messages/en/simulator.json';
import fr from '../../messages/fr/simulator.json';

type Tree = { [key: string]: string | Tree };
const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`)));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

const enKeys = new Set(keysOf(en));

describe('simulator messages', () => {
  it('French has exactly the English keys', () => {
    expect(keysOf(fr).sort()).toEqual([...enKeys].sort());
  });

  it('every literal key in the pages and every key family exists', () => {
    const used = new Set<string>();
    for (const file of [...filesUnder('app/admin/simulator'), ...filesUnder('app/api/admin/simulator')]) {
      for (const match of readFileSync(file, 'utf8').matchAll(/'simulator\.([A-Za-z_.-]+)'/g)) {
        const key = match[1] ?? '';
        if (!['blast', 'editor', 'import'].includes(key)) used.add(key);
      }
    }
    for (const key of blastRadiusLabelKeys) used.add(`blast.${key}`);
    for (const key of policyEditorLabelKeys) used.add(`editor.${key}`);
    for (const tab of ['policies', 'what-if', 'matrix', 'findings', 'blast-radius']) used.add(`nav.${tab}`);
    for (const flow of standardSignInFlows) used.add(`flows.${flow.id}`);
    for (const outcome of [...signInOutcomes, 'notApplicable']) used.add(`outcome.${outcome}`);
    for (const s of ['trustedNetwork', 'trustedNetworkPasswordForgotten', 'anyNetwork', 'anyNetworkPasswordForgotten'])
      used.add(`matrix.scenario.${s}`);
    for (const s of ['high', 'medium', 'low', 'info']) used.add(`findings.severity.${s}`);
    for (const s of ['enabled', 'enabledForReportingButNotEnforced', 'disabled']) used.add(`state.${s}`);
    for (const id of scenarioPresetIds) used.add(`presets.${id}.title`).add(`presets.${id}.body`);
    for (const c of [
      'block',
      'mfa',
      'compliantDevice',
      'domainJoinedDevice',
      'approvedApplication',
      'compliantApplication',
      'passwordChange',
      'riskRemediation',
      'unknownFutureValue',
      'termsOfUse',
      'custom',
      'signInFrequency',
      'persistentBrowser',
    ])
      used.add(`controls.${c}`);
    for (const c of ['browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'other']) used.add(`clients.${c}`);
    for (const r of ['none', 'low', 'medium', 'high']) used.add(`risk.${r}`);
    for (const target of ['app', 'userAction', 'authContext']) used.add(`fields.target_${target}`);
    for (const mode of ['always', 'never']) used.add(`whatIf.persistentBrowser_${mode}`);
    const importKeys = [
      'importTitle',
      'name',
      'policies',
      'policiesHelp',
      'namedLocations',
      'authenticationStrengths',
      'optional',
      'orUpload',
      'import',
      'importing',
      'graphTitle',
      'graphHelp',
      'fetch',
      'fetching',
    ];
    for (const key of importKeys) used.add(`import.${key}`);
    expect([...used].filter((key) => !enKeys.has(key))).toEqual([]);
  });
});
