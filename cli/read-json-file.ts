// Reads one input file of the CLI and parses it as JSON. Every way a file can be wrong (missing,
// a directory, too large, not JSON, nested absurdly deep) becomes an AppError('INVALID_INPUT')
// naming the file as the user typed it and, where there is one, the JSON path at fault.

import { readFileSync, statSync } from 'node:fs';
import { AppError } from '../lib/app-error';
import { formatJsonPath } from '../lib/conditional-access/parse-input';

type JsonPathSegment = string | number;
import { locateJsonSyntaxError } from './locate-json-syntax-error';

export type JsonFileLimits = {
  maxBytes: number;
  /** Graph documents nest about ten levels; anything far deeper is an attack or an accident. */
  maxDepth: number;
};

export const defaultJsonFileLimits: JsonFileLimits = { maxBytes: 8 * 1024 * 1024, maxDepth: 64 };

export function readJsonFile(file: string, limits: JsonFileLimits = defaultJsonFileLimits): unknown {
  const text = readTextFile(file, limits.maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const located = locateJsonSyntaxError(text);
    const reason = located?.reason ?? firstLine(error);
    const where = located ? ` at line ${located.line}, column ${located.column}` : '';
    throw new AppError('INVALID_INPUT', `not valid JSON${where}: ${reason}`, {
      source: file,
      path: located?.path ?? '$',
    });
  }
  const tooDeep = findTooDeep(value, limits.maxDepth);
  if (tooDeep !== undefined) {
    throw new AppError('INVALID_INPUT', `JSON nested deeper than ${limits.maxDepth} levels`, {
      source: file,
      path: tooDeep,
    });
  }
  return value;
}

function readTextFile(file: string, maxBytes: number): string {
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) throw new AppError('INVALID_INPUT', 'is a directory, not a JSON file', { source: file });
    if (stats.size > maxBytes) {
      throw new AppError(
        'INVALID_INPUT',
        `file is ${formatMiB(stats.size)}, larger than the ${formatMiB(maxBytes)} limit (raise it with --max-input-mb)`,
        { source: file },
      );
    }
    return decodeText(readFileSync(file));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('INVALID_INPUT', describeFileSystemError(error), { source: file });
  }
}

/**
 * UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark: Windows PowerShell exporters
 * (IntuneManagement, `Out-File`) write UTF-16LE, as in j0eyv/ConditionalAccessBaseline. RFC 8259 asks for UTF-8,
 * but refusing the exports admins actually have helps no one. The BOM itself is dropped.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function describeFileSystemError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return 'file not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a JSON file';
    default:
      return `cannot read file (${code || firstLine(error)})`;
  }
}

/** Path of the first value nested deeper than maxDepth, walked without recursion. */
function findTooDeep(root: unknown, maxDepth: number): string | undefined {
  type Entry = { value: unknown; depth: number; parent: Entry | undefined; key: JsonPathSegment | undefined };
  const pending: Entry[] = [{ value: root, depth: 0, parent: undefined, key: undefined }];
  for (let entry = pending.pop(); entry !== undefined; entry = pending.pop()) {
    const { value, depth } = entry;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxDepth) return formatJsonPath(pathOf(entry));
    const children: [JsonPathSegment, unknown][] = Array.isArray(value)
      ? value.map((child, index) => [index, child])
      : Object.entries(value);
    for (const [key, child] of children) {
      if (typeof child === 'object' && child !== null)
        pending.push({ value: child, depth: depth + 1, parent: entry, key });
    }
  }
  return undefined;

  function pathOf(entry: Entry): JsonPathSegment[] {
    const segments: JsonPathSegment[] = [];
    for (let at: Entry | undefined = entry; at?.key !== undefined; at = at.parent) segments.unshift(at.key);
    return segments;
  }
}

function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').slice(0, 200);
}
