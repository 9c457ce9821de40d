// Narrows a parsed JSON value (or any unknown) to a plain object whose fields are still to be checked one by one:
// not null, not an array.
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
