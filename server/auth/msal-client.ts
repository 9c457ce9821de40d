import 'server-only';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { getConfig } from '../config';

// One msal-node ConfidentialClientApplication per app registration, reused so its token cache works.
// Authority = {ENTRA_AUTHORITY_HOST}/{tenant}. For any host other than Microsoft's, the host is declared in
// knownAuthorities so msal-node does not try instance discovery against login.microsoftonline.com
// (msal-node "Authority" docs); the mock's certificate is trusted through NODE_EXTRA_CA_CERTS.
const clients = new Map<string, ConfidentialClientApplication>();

export function confidentialClient(clientId: string, clientSecret: string): ConfidentialClientApplication {
  const config = getConfig();
  const key = `${config.ENTRA_AUTHORITY_HOST}|${config.ENTRA_TENANT_ID}|${clientId}`;
  let client = clients.get(key);
  if (!client) {
    const host = new URL(config.ENTRA_AUTHORITY_HOST).host;
    const isMicrosoftCloud = host === 'login.microsoftonline.com';
    client = new ConfidentialClientApplication({
      auth: {
        clientId,
        clientSecret,
        authority: `${config.ENTRA_AUTHORITY_HOST}/${config.ENTRA_TENANT_ID}`,
        ...(isMicrosoftCloud ? {} : { knownAuthorities: [host] }),
      },
    });
    clients.set(key, client);
  }
  return client;
}

/** The portal app registration (desk, admin, app-only Graph). */
export function portalClient(): ConfidentialClientApplication {
  const config = getConfig();
  return confidentialClient(config.ENTRA_PORTAL_CLIENT_ID, config.ENTRA_PORTAL_CLIENT_SECRET);
}
