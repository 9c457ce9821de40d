// `verity-ca matrix`: for the request's user and app, every standard sign-in flow against trusted /
// any network and normal sign-in / forgotten password, the grid the simulator page renders.

import { buildComparisonMatrix, type ComparisonMatrix } from '../../lib/conditional-access/comparison-matrix';
import type { CompiledTenant } from '../../lib/conditional-access/compiled-model';
import type { WhatIfRequest } from '../../lib/conditional-access/what-if-request-schema';
import type { CommandResult } from '../command-result';
import { loadRequest, loadTenant } from '../load-inputs';
import type { CommandOptions } from '../parse-command-line';
import { renderTable } from '../render-table';

export function runMatrixCommand(options: CommandOptions): CommandResult {
  return matrixFor(loadTenant(options), loadRequest(options, options.request ?? ''));
}

/** One request against an already compiled tenant (also the unit of batch mode). */
export function matrixFor(compiled: CompiledTenant, request: WhatIfRequest): CommandResult {
  const matrix = buildComparisonMatrix(compiled, request);
  return { json: matrix, text: renderMatrix(matrix) };
}

function renderMatrix(matrix: ComparisonMatrix): string {
  const heading = `${matrix.userPrincipalName}: sign-in flows by network and forgotten password`;
  const networks = matrix.scenarios
    .filter((scenario) => !scenario.passwordForgotten)
    .map((scenario) => `  ${scenario.label}: ${scenario.ipAddress ?? 'none in the tenant'}`);
  const table = renderTable(
    [{ header: 'Flow' }, ...matrix.scenarios.map((scenario) => ({ header: scenario.label }))],
    matrix.rows.map((row) => [row.flow.label, ...row.cells.map((cell) => cell.outcome)]),
  );
  const details = matrix.rows.flatMap((row) => [
    `${row.flow.label} (${row.flow.methods.join(' + ')}):`,
    ...row.cells.map((cell, index) => `  ${matrix.scenarios[index]?.label ?? ''}: ${cell.outcome}. ${cell.summary}`),
  ]);
  return [heading, 'Networks used:', ...networks, '', table, '', 'Why:', ...details].join('\n');
}
