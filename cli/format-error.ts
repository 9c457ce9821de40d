// Maps anything thrown while running a command to the one line the CLI prints on stderr and its
// exit code: 2 for bad input (a file, a JSON path in it, or the command line), 3 for a defect in
// the tool itself (1 is reserved for a failed policy test: --expect, --fail-on). Never a stack trace: a pipeline log should say what to fix, not where we failed.

import { isAppError } from '../lib/app-error';
import { oneLine } from './render-table';

export type ErrorReport = { line: string; exitCode: 2 | 3 };

export function formatError(error: unknown): ErrorReport {
  if (isAppError(error)) {
    const { source, path, usage, command } = error.details;
    const message = oneLine(error.message);
    if (usage === true) {
      const help = typeof command === 'string' ? `verity-ca ${command} --help` : 'verity-ca --help';
      return { line: `verity-ca: ${message} (see "${help}")`, exitCode: 2 };
    }
    if (error.code === 'INVALID_INPUT' || error.code === 'NOT_FOUND') {
      const where = typeof source === 'string' && source !== '' ? source : 'input';
      const at = typeof path === 'string' && path !== '' ? ` at ${path}` : '';
      return { line: `verity-ca: ${where}${at}: ${stripPrefix(message, where, path)}`, exitCode: 2 };
    }
    return { line: `verity-ca: ${error.code}: ${message}`, exitCode: 3 };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { line: `verity-ca: internal error (please report it): ${oneLine(message).slice(0, 300)}`, exitCode: 3 };
}

// Parsers may already name the file or the path in their message; do not print them twice.
function stripPrefix(message: string, source: string, path: unknown): string {
  let rest = message;
  for (const prefix of [source, typeof path === 'string' ? path : undefined]) {
    if (prefix !== undefined && prefix !== '' && rest.startsWith(prefix))
      rest = rest.slice(prefix.length).replace(/^[\s:,-]+/, '');
  }
  return rest === '' ? message : rest;
}
