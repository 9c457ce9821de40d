// `verity-ca flow`: plays one sign-in flow (ordered authentication method modes) for the request's
// user and app. --json prints the engine's SignInFlowResult: at least outcome, reasons and
// appliedPolicies (issue 2), plus missing, satisfiableWith, steps and sessionControls.

import {
  authenticationMethodModes,
  isAuthenticationMethodMode,
  type AuthenticationMethodMode,
} from '../../lib/conditional-access/authentication-method-mode';
import { evaluateSignInFlow, type SignInFlowResult } from '../../lib/conditional-access/sign-in-flow';
import type { CompiledTenant } from '../../lib/conditional-access/compiled-model';
import type { WhatIfRequest } from '../../lib/conditional-access/what-if-request-schema';
import type { CommandResult } from '../command-result';
import { loadRequest, loadTenant } from '../load-inputs';
import { usageError, type CommandOptions } from '../parse-command-line';
import { renderTable } from '../render-table';

export function runFlowCommand(options: CommandOptions): CommandResult {
  const methods = parseMethods(options.methods ?? []);
  return flowFor(loadTenant(options), loadRequest(options, options.request ?? ''), options, methods);
}

/** One request against an already compiled tenant (also the unit of batch mode). */
export function flowFor(
  compiled: CompiledTenant,
  request: WhatIfRequest,
  options: Pick<CommandOptions, 'passwordForgotten' | 'expect'>,
  methods: readonly AuthenticationMethodMode[],
): CommandResult {
  const result = evaluateSignInFlow(compiled, request, { methods, passwordForgotten: options.passwordForgotten });
  const text = renderFlow(result, options.passwordForgotten);
  if (options.expect !== undefined && result.outcome !== options.expect) {
    return {
      json: result,
      text,
      failure: `expected ${options.expect}, got ${result.outcome} for ${result.user.userPrincipalName} with ${result.methods.join(' + ')}`,
    };
  }
  return { json: result, text };
}

export function parseMethods(names: readonly string[]): AuthenticationMethodMode[] {
  return names.map((name) => {
    if (!isAuthenticationMethodMode(name)) {
      throw usageError(
        `--methods: "${name}" is not an authentication method mode; use Graph's names: ${authenticationMethodModes.filter((mode) => mode !== 'unknownFutureValue').join(', ')}`,
        'flow',
      );
    }
    return name;
  });
}

function renderFlow(result: SignInFlowResult, passwordForgotten: boolean): string {
  const heading = `${result.user.userPrincipalName}: ${result.methods.join(' + ')}${passwordForgotten ? ' (password forgotten)' : ''} -> ${result.outcome.toUpperCase()}`;
  const sections = [heading, '', 'Steps:', ...result.steps.map((step, index) => `  ${index + 1}. ${step.message}`)];
  // Remedies get their own section below; do not print them twice.
  const reasons = result.reasons.filter(
    (reason) => reason.code !== 'remedyAvailable' || result.satisfiableWith.length === 0,
  );
  sections.push('', 'Reasons:', ...reasons.map((reason) => `  - [${reason.code}] ${reason.message}`));
  if (result.missing.length > 0) {
    sections.push(
      '',
      'Still required:',
      ...result.missing.map((missing) => `  - ${missing.description} ("${missing.policyDisplayName}")`),
    );
  }
  if (result.satisfiableWith.length > 0) {
    sections.push(
      '',
      'The user can still satisfy it:',
      ...result.satisfiableWith.map((remedy) => `  - ${remedy.message}`),
    );
  }
  const relevant = result.appliedPolicies.filter(
    (policy) => !['notApplied', 'reportOnlyNotApplied', 'notEnabled'].includes(policy.result),
  );
  sections.push('', `Policies that apply (${relevant.length} of ${result.appliedPolicies.length}):`);
  sections.push(
    relevant.length === 0
      ? '  none'
      : renderTable(
          [
            { header: 'Policy' },
            { header: 'State' },
            { header: 'Result' },
            { header: 'Grant controls' },
            { header: 'Session controls' },
          ],
          relevant.map((policy) => [
            policy.displayName,
            policy.state,
            policy.result,
            policy.enforcedGrantControls.join(', ') || '-',
            policy.enforcedSessionControls.join(', ') || '-',
          ]),
        ),
  );
  return sections.join('\n');
}
