// The methods a user has registered: the tenant fixture's `authenticationMethods`, changed by Graph
// (a TAP created, a passkey registered) through overrides kept in the store.
import { z } from 'zod';
import {
  authenticationMethodModes,
  isAuthenticationMethodMode,
  type AuthenticationMethodMode,
} from '../../lib/conditional-access/authentication-method-mode';
import type { Store } from '../store/store';
import type { TenantUser } from '../store/tenant';

/** Bumped on every change of a user's methods, so the CA engine's compiled tenant is refreshed. */
export function bumpMethodsVersion(store: Store): void {
  store.put('meta', 'methodsVersion', `${Date.now()}-${Math.random()}`);
}

export function methodsVersionOf(store: Store): string {
  return store.get('meta', 'methodsVersion', z.string()) ?? '0';
}

const methodOverrideSchema = z.looseObject({
  add: z.array(z.enum(authenticationMethodModes)),
  remove: z.array(z.enum(authenticationMethodModes)),
  defaultSignInMethod: z.string().optional(),
});

export function registeredMethodsOf(store: Store, user: TenantUser): AuthenticationMethodMode[] {
  const override = store.get('methods', user.id, methodOverrideSchema);
  const modes = new Set(user.authenticationMethods.filter(isAuthenticationMethodMode));
  override?.add.forEach((m) => modes.add(m));
  override?.remove.forEach((m) => modes.delete(m));
  return [...modes];
}

export function addRegisteredMethod(store: Store, user: TenantUser, mode: AuthenticationMethodMode): void {
  const override = store.get('methods', user.id, methodOverrideSchema) ?? { add: [], remove: [] };
  store.put('methods', user.id, {
    ...override,
    add: [...new Set([...override.add, mode])],
    remove: override.remove.filter((m) => m !== mode),
  });
  bumpMethodsVersion(store);
}

export function removeRegisteredMethod(store: Store, user: TenantUser, mode: AuthenticationMethodMode): void {
  const override = store.get('methods', user.id, methodOverrideSchema) ?? { add: [], remove: [] };
  store.put('methods', user.id, {
    ...override,
    add: override.add.filter((m) => m !== mode),
    remove: [...new Set([...override.remove, mode])],
  });
  bumpMethodsVersion(store);
}

/**
 * The method the sign-in page offers first. Entra's "system-preferred MFA" picks the strongest
 * registered method; the fixture's defaultSignInMethod wins when it is registered.
 */
export function defaultSignInMethodOf(store: Store, user: TenantUser): AuthenticationMethodMode {
  const methods = registeredMethodsOf(store, user);
  const preferred =
    store.get('methods', user.id, methodOverrideSchema)?.defaultSignInMethod ?? user.defaultSignInMethod;
  if (preferred && isAuthenticationMethodMode(preferred) && methods.includes(preferred)) return preferred;
  const order: AuthenticationMethodMode[] = ['deviceBasedPush', 'fido2', 'windowsHelloForBusiness', 'password'];
  return order.find((m) => methods.includes(m)) ?? 'password';
}

export function setDefaultSignInMethod(store: Store, user: TenantUser, mode: string): void {
  const override = store.get('methods', user.id, methodOverrideSchema) ?? { add: [], remove: [] };
  store.put('methods', user.id, { ...override, defaultSignInMethod: mode });
  bumpMethodsVersion(store);
}
