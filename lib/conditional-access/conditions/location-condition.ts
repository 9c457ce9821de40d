// Network locations (location-condition): "All" is any IP, "AllTrusted" every named location marked trusted,
// otherwise named location ids; an excluded location wins. The public client IP is what counts.
import { defineCheck } from '../condition-check';
import type { CheckInput } from '../compiled-model';

function isInLocations(ids: readonly string[], { signIn }: CheckInput): boolean {
  for (const id of ids) {
    if (id === 'All') return true;
    if (id === 'AllTrusted' ? signIn.isTrustedLocation : signIn.matchedLocationIds.has(id)) return true;
  }
  return false;
}

function intersects(ids: ReadonlySet<string>, matched: ReadonlySet<string>): boolean {
  if (ids.size === 0 || matched.size === 0) return false;
  for (const id of matched) if (ids.has(id)) return true;
  return false;
}

export const locationCheck = defineCheck(
  'location',
  'The sign-in location is included and not excluded.',
  ({ policy, signIn }) => {
    const l = policy.locations;
    if (!l) return true;
    const matched = signIn.matchedLocationIds;
    const isIncluded =
      l.includesAll || (l.includesTrusted && signIn.isTrustedLocation) || intersects(l.includeIds, matched);
    if (!isIncluded) return false;
    return !(l.excludesAll || (l.excludesTrusted && signIn.isTrustedLocation) || intersects(l.excludeIds, matched));
  },
  (input) => {
    const locations = input.policy.locations;
    const name = (id: string): string =>
      id === 'AllTrusted'
        ? 'all trusted locations'
        : id === 'All'
          ? 'any location'
          : (input.tenant.namedLocationById.get(id)?.displayName ?? id);
    if (locations && isInLocations(locations.exclude, input)) {
      const hit = locations.exclude.filter((id) => isInLocations([id], input)).map(name);
      return `The sign-in comes from an excluded location (${hit.join(', ')}).`;
    }
    return `The sign-in location is not in ${(locations?.include ?? []).map(name).join(', ')}.`;
  },
  // The matched ids are in the tenant's named-location order (compileSignInContext), so equal sets give equal keys.
  { signInKey: (s) => JSON.stringify([s.isTrustedLocation, ...s.matchedLocationIds]) },
);
