// Client apps (concept-conditional-access-conditions): browser and mobile/desktop are modern authentication;
// Exchange ActiveSync and "other" are legacy. easSupported is ActiveSync on supported platforms.
import { defineCheck } from '../condition-check';

export const clientAppsCheck = defineCheck(
  'clientApps',
  'The client app type is one the policy targets.',
  ({ policy, signIn }) => {
    const types = policy.clientAppTypes;
    if (!types) return true;
    const client = signIn.clientAppType;
    // Documented choice: a request with clientAppType "all" (Graph's default) is an unspecified modern client.
    if (client === 'all') return types.has('browser') || types.has('mobileAppsAndDesktopClients');
    if (client === 'exchangeActiveSync' || client === 'easSupported')
      return types.has('exchangeActiveSync') || types.has('easSupported');
    return types.has(client);
  },
  ({ policy, signIn }) =>
    `The client app type ${signIn.clientAppType === 'all' ? '(modern, unspecified)' : signIn.clientAppType} is not among ${[...(policy.clientAppTypes ?? [])].join(', ')}.`,
  { signInKey: (s) => s.clientAppType },
);
