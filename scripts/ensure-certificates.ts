// Creates the local CA and the localhost certificate in .certs/ once (idempotent). Run before the
// processes that need them start side by side, so they never race to create two different CAs.
import path from 'node:path';
import { ensureCertificates } from '../mock-idp/http/certificates';

await ensureCertificates(path.join(process.cwd(), '.certs'));
