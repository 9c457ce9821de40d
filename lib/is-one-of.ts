// Narrows a value read from outside (a query string, a token claim, a JSON body) to one member of a closed list
// such as `['en', 'fr'] as const`, so callers need no `(list as readonly string[]).includes(value)` cast.
export function isOneOf<const T>(values: readonly T[], value: unknown): value is T {
  return values.some((member) => member === value);
}
