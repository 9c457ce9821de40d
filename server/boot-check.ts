// Imported by instrumentation.ts on the Node.js runtime only (process.exit does not exist on the edge):
// a production server with an unsafe configuration stops here, with one line naming the variable, before it
// serves a request; then the breached-password corpus loads (about 0.5 s) so no user waits for it.
import { getConfig } from './config';
import { loadBreachedPasswordCorpus } from './reset/breached-password-corpus';

try {
  getConfig();
} catch (error) {
  console.error(`[verity] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
void loadBreachedPasswordCorpus();
