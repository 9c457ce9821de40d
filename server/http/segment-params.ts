import 'server-only';
// Dynamic route segments as Next hands them over. A segment with malformed percent-encoding (`%ff`) is
// refused as INVALID_INPUT instead of surfacing as a URIError (a 500).
import { AppError } from '@/lib/app-error';

function checkDecodable(value: string): string {
  try {
    decodeURIComponent(value);
    return value;
  } catch {
    throw new AppError('INVALID_INPUT', 'The address contains malformed percent-encoding.', {
      reason: 'malformedPath',
    });
  }
}

export function decodeSegmentParams(params: Record<string, string | string[]> | undefined): Record<string, unknown> {
  const decoded: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params ?? {}))
    decoded[name] = Array.isArray(value) ? value.map(checkDecodable) : checkDecodable(value);
  return decoded;
}
