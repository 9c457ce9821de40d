// Batch mode (`--requests DIR` or `--requests -`): one process, the tenant read and compiled once,
// then every What-If request of a directory (*.json, in name order) or of NDJSON on stdin (one
// request per line; blank lines skipped) through the command. Each request gives exactly one line
// on stdout, written as soon as it is answered:
//   {"request":"<file or stdin:LINE>","result":<what --json prints for one request>}
//   ... plus "failure":"<why>" when a policy test (flow --expect) does not hold,
//   {"request":"...","error":{"message":"...","path":"$..."}} when that request is not valid input.
// A bad request does not stop the batch. Exit code: 2 if any request was invalid, else 1 if any
// policy test failed, else 0; a one-line summary goes to stderr when it is not 0. A bad tenant or
// policy file stops before any request (exit 2, as for one request).

import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { AppError } from '../lib/app-error';
import type { CompiledTenant } from '../lib/conditional-access/compiled-model';
import { parseWhatIfRequest } from '../lib/conditional-access/parse-input';
import type { WhatIfRequest } from '../lib/conditional-access/what-if-request-schema';
import type { CommandResult } from './command-result';
import { flowFor, parseMethods } from './commands/flow';
import { matrixFor } from './commands/matrix';
import { whatIfFor } from './commands/what-if';
import { formatError } from './format-error';
import type { LoadWarning } from '../lib/conditional-access/export-shapes';
import { formatLoadWarnings } from './format-load-warnings';
import { inputLimits, loadTenant, parseInputFile } from './load-inputs';
import type { CommandName, CommandOptions } from './parse-command-line';
import { usageError } from './parse-command-line';

export type BatchInput = { stdin: AsyncIterable<string> | NodeJS.ReadableStream };

type PerRequest = (compiled: CompiledTenant, request: WhatIfRequest) => CommandResult;

export const batchCommands = ['what-if', 'flow', 'matrix'] as const satisfies readonly CommandName[];

function perRequest(command: CommandName, options: CommandOptions): PerRequest {
  switch (command) {
    case 'what-if':
      return whatIfFor;
    case 'matrix':
      return matrixFor;
    case 'flow': {
      const methods = parseMethods(options.methods ?? []);
      return (compiled, request) => flowFor(compiled, request, options, methods);
    }
    default:
      throw usageError(`--requests does not apply to ${command}`, command);
  }
}

export async function runBatch(
  command: CommandName,
  options: CommandOptions,
  writeLine: (line: string) => void,
  stderr: (text: string) => void,
  stdin: () => NodeJS.ReadableStream,
): Promise<number> {
  const run = perRequest(command, options);
  const source = options.requests ?? '-';
  const files = source === '-' ? undefined : listRequestFiles(source);
  const warnings: LoadWarning[] = [];
  const compiled = loadTenant({ ...options, warnings });
  if (warnings.length > 0) stderr(formatLoadWarnings(warnings));
  const limits = inputLimits(options);
  const tally = { total: 0, invalid: 0, failed: 0 };

  const answer = (name: string, parse: () => WhatIfRequest): void => {
    tally.total++;
    let line: Record<string, unknown>;
    try {
      const result = run(compiled, parse());
      line = { request: name, result: result.json };
      if (result.failure !== undefined) {
        tally.failed++;
        line.failure = result.failure;
      }
    } catch (error) {
      tally.invalid++;
      line = { request: name, error: describeRequestError(error, formatError(error).line) };
    }
    writeLine(JSON.stringify(line));
  };

  if (files !== undefined) {
    for (const file of files) answer(file, () => parseInputFile(file, parseWhatIfRequest, limits));
  } else {
    const lines = createInterface({ input: stdin(), crlfDelay: Infinity });
    let number = 0;
    for await (const text of lines) {
      number++;
      if (text.trim() === '') continue;
      const name = `stdin:${number}`;
      answer(name, () => parseRequestLine(text, name, limits.maxBytes));
    }
  }

  if (tally.invalid > 0 || tally.failed > 0) {
    const parts = [
      ...(tally.invalid > 0 ? [`${tally.invalid} invalid`] : []),
      ...(tally.failed > 0 ? [`${tally.failed} failed the policy test`] : []),
    ];
    stderr(`verity-ca: ${tally.total} requests: ${parts.join(', ')} (see the "error" and "failure" fields)\n`);
  }
  return tally.invalid > 0 ? 2 : tally.failed > 0 ? 1 : 0;
}

function listRequestFiles(directory: string): string[] {
  let names: string[];
  try {
    if (!statSync(directory).isDirectory()) {
      throw new AppError('INVALID_INPUT', 'is not a directory (--requests takes a directory or "-")', {
        source: directory,
      });
    }
    names = readdirSync(directory);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('INVALID_INPUT', 'cannot be read as a directory of requests', { source: directory });
  }
  const files = names
    .filter((name) => name.toLowerCase().endsWith('.json'))
    .sort()
    .map((name) => path.join(directory, name));
  if (files.length === 0) {
    throw new AppError('INVALID_INPUT', 'holds no *.json request file', { source: directory });
  }
  return files;
}

function parseRequestLine(text: string, name: string, maxBytes: number): WhatIfRequest {
  if (Buffer.byteLength(text) > maxBytes) {
    throw new AppError('INVALID_INPUT', `line is larger than ${maxBytes} bytes (--max-input-mb)`, {
      source: name,
      path: '$',
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new AppError('INVALID_INPUT', `not valid JSON: ${reason}`, { source: name, path: '$' });
  }
  return parseWhatIfRequest(json, name);
}

function describeRequestError(error: unknown, line: string): { message: string; path?: string } {
  const message = line.replace(/^verity-ca: /, '');
  if (error instanceof AppError && typeof error.details.path === 'string') return { message, path: error.details.path };
  return { message };
}
