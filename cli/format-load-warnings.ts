// Load warnings (repaired export shapes, unknown named-location types) as the lines verity-ca prints on stderr,
// one per repair, so a pipeline's log says which file and index were changed. A leaf module: no engine import.
import type { LoadWarning } from '../lib/conditional-access/export-shapes';

export function formatLoadWarnings(warnings: readonly LoadWarning[]): string {
  return warnings.map((warning) => `verity-ca: warning: ${warning.message}\n`).join('');
}
