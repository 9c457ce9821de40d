// Narrows parsed JSON (or any unknown value) to a plain property bag before its fields are read, so code that
// walks Graph documents or request bodies by hand needs no `as Record<string, unknown>`. Arrays are not records.
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
