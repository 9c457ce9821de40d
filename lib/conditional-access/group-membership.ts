// Transitive group membership: "Policy is applied to nested users and groups"
// (concept-conditional-access-users-groups). Membership comes from group.members (users or groups) and from
// user.memberOf; cycles are tolerated (each group visited once).
import { createIdIndex, type IdLookup } from './id-index';

export type GroupGraph = {
  /** group index -> indices of groups that directly contain it */
  parents: number[][];
  /** group index -> indices of groups it directly contains */
  children: number[][];
  /** group index -> user indices that are direct members */
  directUsers: number[][];
};

export function buildGroupGraph(
  groups: readonly { id: string; members: readonly string[] }[],
  users: readonly { id: string; memberOf: readonly string[] }[],
  /** The caller's user index (compileTenant has one), so a million-entry index is not built twice. */
  knownUserIndexById?: IdLookup,
  /** users[i].id for every i, when the caller has the column (one array read instead of a user object's). */
  knownUserIds?: readonly string[],
): { graph: GroupGraph; groupIndexById: Map<string, number> } {
  const groupIndexById = new Map(groups.map((group, i) => [group.id, i]));
  const parents: number[][] = groups.map(() => []);
  const children: number[][] = groups.map(() => []);
  // Direct user members without a Set per group (a million users' memberships were a third of a million-user
  // compile): user-side memberships are resolved once (kept as group indices, -1 for an unknown group), counted and
  // placed per group, then group-side `members` appended, and a per-user stamp drops a user listed on both sides.
  // One pass over the user objects (each a cache miss at a million users): memberOf lengths are kept in a column,
  // the resolved group indices in a buffer grown by doubling.
  let resolved = new Int32Array(Math.max(16, users.length * 2));
  const memberOfLengths = new Int32Array(users.length);
  const counts = new Int32Array(groups.length);
  let cursor = 0;
  let u = 0;
  for (const user of users) {
    const memberOf = user.memberOf ?? [];
    memberOfLengths[u++] = memberOf.length;
    if (cursor + memberOf.length > resolved.length) {
      const grown = new Int32Array(Math.max(resolved.length * 2, cursor + memberOf.length));
      grown.set(resolved);
      resolved = grown;
    }
    for (const groupId of memberOf) {
      const g = groupIndexById.get(groupId) ?? -1;
      resolved[cursor++] = g;
      if (g >= 0) counts[g] = (counts[g] ?? 0) + 1;
    }
  }
  const directUsers: number[][] = Array.from(counts, (count) => new Array<number>(count));
  const filled = new Int32Array(groups.length);
  cursor = 0;
  for (u = 0; u < users.length; u++) {
    const end = cursor + (memberOfLengths[u] ?? 0);
    for (; cursor < end; cursor++) {
      const g = resolved[cursor] ?? -1;
      const list = directUsers[g];
      if (list === undefined) continue;
      const at = filled[g] ?? 0;
      list[at] = u;
      filled[g] = at + 1;
    }
  }
  let userIndexById: IdLookup | null = knownUserIndexById ?? null;
  // Users added from a group's `members` only: stamp[u] = the last group that added u (allocated on first need).
  let stamp: Int32Array | null = null;
  let g = 0;
  for (const group of groups) {
    const list = directUsers[g] ?? [];
    // The memberOf side was placed in user order, so the list is sorted and a user who lists the group twice is
    // listed twice in a row: keep one.
    let kept = 0;
    for (let i = 0; i < list.length; i++) {
      const member = list[i] ?? 0;
      if (kept > 0 && list[kept - 1] === member) continue;
      list[kept++] = member;
    }
    list.length = kept;
    const sortedLength = kept;
    // Exports that list a membership on both sides list a group's members in the same order as its users' memberOf
    // walk (user order): `expected` follows that list, and a member equal to the next expected user's id is that
    // user, already placed, with no look-up among a million ids (which was most of a million-user compile).
    let expected = 0;
    for (const member of group.members ?? []) {
      const next = list[expected];
      if (next !== undefined && next < users.length && (knownUserIds?.[next] ?? users[next]?.id) === member) {
        expected++;
        continue;
      }
      const child = groupIndexById.get(member);
      if (child !== undefined && child !== g) {
        children[g]?.push(child);
        parents[child]?.push(g);
        continue;
      }
      userIndexById ??= createIdIndex(users.length, (i) => users[i]?.id ?? '');
      const user = userIndexById.get(member);
      if (user === undefined || isInSortedPrefix(list, sortedLength, user)) continue;
      stamp ??= new Int32Array(users.length).fill(-1);
      if (stamp[user] !== g) {
        stamp[user] = g;
        list.push(user);
      }
    }
    g++;
  }
  return { graph: { parents, children, directUsers }, groupIndexById };
}

/** Whether `value` is among list[0 .. length - 1], which is sorted ascending. */
function isInSortedPrefix(list: readonly number[], length: number, value: number): boolean {
  let low = 0;
  let high = length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = list[middle] ?? 0;
    if (at === value) return true;
    if (at < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

function walk(start: number, next: readonly number[][]): number[] {
  const seen = new Set<number>([start]);
  const stack = [start];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    for (const n of next[current] ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return [...seen];
}

/** Every group nested inside `group`, itself included. */
export function descendantGroups(graph: GroupGraph, group: number): number[] {
  return walk(group, graph.children);
}

/** Every group that contains `group` directly or through nesting, itself included. */
export function ancestorGroups(graph: GroupGraph, group: number): number[] {
  return walk(group, graph.parents);
}

/** Calls `visit` with every user that is a transitive member of any of the groups (a user in two of them twice). */
export function forEachTransitiveMember(
  graph: GroupGraph,
  groups: readonly number[],
  visit: (userIndex: number) => void,
): void {
  const seen = new Set<number>();
  for (const g of groups) {
    for (const d of descendantGroups(graph, g)) {
      if (seen.has(d)) continue;
      seen.add(d);
      for (const u of graph.directUsers[d] ?? []) visit(u);
    }
  }
}
