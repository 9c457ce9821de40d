// buildGroupGraph's direct user members (memberOf and members merged, duplicates dropped, members in any order)
// against a plain Set per group.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGroupGraph } from './group-membership';

const userIds = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
const groupIds = ['g0', 'g1', 'g2', 'g3'];
const memberArb = fc.constantFrom(...userIds, ...groupIds, 'unknown');

describe('buildGroupGraph', () => {
  it('lists each direct user member of a group once, from either side, in any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...groupIds, 'unknown'), { maxLength: 4 }), {
          minLength: userIds.length,
          maxLength: userIds.length,
        }),
        fc.array(fc.array(memberArb, { maxLength: 10 }), { minLength: groupIds.length, maxLength: groupIds.length }),
        fc.boolean(),
        (memberOfs, memberLists, passIds) => {
          const users = userIds.map((id, u) => ({ id, memberOf: memberOfs[u] ?? [] }));
          const groups = groupIds.map((id, g) => ({ id, members: memberLists[g] ?? [] }));
          const { graph } = buildGroupGraph(groups, users, undefined, passIds ? userIds : undefined);
          groups.forEach((group, g) => {
            const expected = new Set<number>();
            users.forEach((user, u) => {
              if (user.memberOf.includes(group.id)) expected.add(u);
            });
            for (const member of group.members) {
              const u = userIds.indexOf(member);
              if (u >= 0) expected.add(u);
            }
            const listed = graph.directUsers[g] ?? [];
            expect(listed.length).toBe(new Set(listed).size);
            expect([...listed].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
            const children = group.members.map((m) => groupIds.indexOf(m)).filter((c) => c >= 0 && c !== g);
            expect(graph.children[g]).toEqual(children);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
