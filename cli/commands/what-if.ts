// `verity-ca what-if`: Graph's Conditional Access What If over the tenant. With --json prints the
// engine's Graph-shaped {"value": [...]} unchanged, so scripts written against Graph's
// POST /identity/conditionalAccess/evaluate read it the same way.

import type { CompiledTenant } from '../../lib/conditional-access/compiled-model';
import type { WhatIfRequest } from '../../lib/conditional-access/what-if-request-schema';
import { evaluateWhatIf } from '../../lib/conditional-access/what-if';
import type { CommandResult } from '../command-result';
import { describeGrantControls } from '../describe-grant-controls';
import { loadRequest, loadTenant } from '../load-inputs';
import type { CommandOptions } from '../parse-command-line';
import { renderTable } from '../render-table';

export function runWhatIfCommand(options: CommandOptions): CommandResult {
  return whatIfFor(loadTenant(options), loadRequest(options, options.request ?? ''));
}

/** One request against an already compiled tenant (also the unit of batch mode). */
export function whatIfFor(compiled: CompiledTenant, request: WhatIfRequest): CommandResult {
  const result = evaluateWhatIf(compiled, request);
  const applying = result.value.filter((policy) => policy.policyApplies).length;
  const table = renderTable(
    [
      { header: 'Policy' },
      { header: 'State' },
      { header: 'Applies' },
      { header: 'Analysis reasons' },
      { header: 'Grant' },
    ],
    result.value.map((policy) => [
      policy.displayName,
      policy.state,
      policy.policyApplies ? 'yes' : 'no',
      policy.analysisReasons,
      describeGrantControls(policy.grantControls),
    ]),
  );
  // A condition the engine does not evaluate (e.g. `times`) is named under the table, never hidden.
  const notes = result.value
    .filter((policy) => policy.unevaluatedConditions.length > 0)
    .map(
      (policy) =>
        `Not evaluated in "${policy.displayName}": ${policy.unevaluatedConditions.join(', ')} (read as matching).`,
    );
  const footer = [`${applying} of ${result.value.length} policies apply.`, ...notes].join('\n');
  return { json: result, text: `${table}\n\n${footer}` };
}
