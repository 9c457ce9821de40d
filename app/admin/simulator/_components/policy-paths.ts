// The policy editor's paths into the policy object: read a value at a path, write one immutably (creating the
// objects on the way), and the list fields' text form. Pure, so the editor's form and JSON view agree by test.
import { isRecord } from '@/lib/is-record';

export type Json = Record<string, unknown>;

export const isJsonObject = isRecord;

export function get(object: Json, path: readonly string[]): unknown {
  let current: unknown = object;
  for (const key of path) current = isJsonObject(current) ? current[key] : undefined;
  return current;
}

export function set(object: Json, path: readonly string[], value: unknown): Json {
  const [head, ...rest] = path;
  if (head === undefined) return object;
  const child = object[head];
  return { ...object, [head]: rest.length === 0 ? value : set(isJsonObject(child) ? child : {}, rest, value) };
}

export const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** A list field's text: one entry per line or comma, blanks dropped. */
export const lines = (text: string): string[] =>
  text
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter(Boolean);
