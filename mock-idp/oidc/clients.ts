// OAuth clients of the mock (fixtures/clients.json, overridable with MOCK_IDP_CLIENTS_FILE).
// `applicationPermissions` are the Graph application permissions admin-consented for the app;
// they travel in the app-only token's `roles` claim, as Entra does.
import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../lib/app-error';

export const mockClientSchema = z.object({
  client_id: z.string().min(1),
  client_name: z.string().min(1),
  client_secret: z.string().min(1).optional(),
  redirect_uris: z.array(z.string().url()).default([]),
  post_logout_redirect_uris: z.array(z.string().url()).default([]),
  grant_types: z.array(z.string()).default(['authorization_code', 'refresh_token']),
  applicationPermissions: z.array(z.string()).default([]),
});

export type MockClient = z.infer<typeof mockClientSchema>;

export function readClientsFile(file: string): MockClient[] {
  try {
    const raw: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return z.object({ clients: z.array(mockClientSchema) }).parse(raw).clients;
  } catch (error) {
    throw new AppError('CONFIG_ERROR', `invalid clients file: ${String(error)}`, { source: file });
  }
}

const fixtureOrigin = 'http://localhost:3000';

/** Moves the demo clients' redirect URIs from the fixture's origin to `portalOrigin` (tests run the portal elsewhere). */
export function withPortalOrigin(clients: MockClient[], portalOrigin: string | undefined): MockClient[] {
  if (!portalOrigin || portalOrigin === fixtureOrigin) return clients;
  const move = (uri: string) =>
    uri.startsWith(`${fixtureOrigin}/`) ? `${portalOrigin}${uri.slice(fixtureOrigin.length)}` : uri;
  return clients.map((client) => ({
    ...client,
    redirect_uris: client.redirect_uris.map(move),
    post_logout_redirect_uris: client.post_logout_redirect_uris.map(move),
  }));
}
