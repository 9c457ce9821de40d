// JSON paths in the `$.users[3].userType` notation used in every error line of the CLI, the same
// notation the engine's parsers put in AppError.details.path.

export type JsonPathSegment = string | number;

const identifierKey = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatJsonPath(segments: readonly JsonPathSegment[]): string {
  let path = '$';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (identifierKey.test(segment)) path += `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}
