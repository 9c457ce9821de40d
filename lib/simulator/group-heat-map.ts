// Per-group heat map for blast radius (issue 6, item 6): for each group, the share of its (transitive) members
// who are not granted, per flow. Nested groups count their members' members, as Conditional Access does
// (concept-conditional-access-users-groups). Large directories show the largest groups only.
import type { CompiledTenant } from '../conditional-access/compiled-model';
import { descendantGroups } from '../conditional-access/group-membership';

export type HeatMapRow = {
  groupId: string;
  displayName: string;
  memberCount: number;
  /** Per flow: members not granted (interrupted, blocked or unavailable) and their share 0..1. */
  cells: { notGranted: number; share: number }[];
};

const grantedIndex = 0; // signInOutcomes[0] === 'granted'

export function buildGroupHeatMap(
  tenant: CompiledTenant,
  outcomeByUserPerFlow: readonly Uint8Array[],
  maxGroups = 20,
): HeatMapRow[] {
  const groups = tenant.source.groups ?? [];
  const graph = tenant.groupGraph;
  // Rank candidates cheaply by direct size, then compute exact transitive membership for the few kept.
  const ranked = groups
    .map((group, index) => ({
      group,
      index,
      size: (graph.directUsers[index]?.length ?? 0) + (graph.children[index]?.length ?? 0) * 10,
    }))
    .sort((a, b) => b.size - a.size)
    .slice(0, Math.max(maxGroups * 2, maxGroups));
  const marks = new Uint8Array(tenant.users.length);
  const rows: HeatMapRow[] = ranked.map(({ group, index }) => {
    marks.fill(0);
    let memberCount = 0;
    const notGranted = outcomeByUserPerFlow.map(() => 0);
    for (const g of descendantGroups(graph, index)) {
      for (const u of graph.directUsers[g] ?? []) {
        if (marks[u] === 1) continue;
        marks[u] = 1;
        memberCount += 1;
        outcomeByUserPerFlow.forEach((outcomes, f) => {
          if (outcomes[u] !== grantedIndex) notGranted[f] = (notGranted[f] ?? 0) + 1;
        });
      }
    }
    return {
      groupId: group.id,
      displayName: group.displayName,
      memberCount,
      cells: notGranted.map((count) => ({ notGranted: count, share: memberCount === 0 ? 0 : count / memberCount })),
    };
  });
  return rows
    .filter((row) => row.memberCount > 0)
    .sort((a, b) => b.memberCount - a.memberCount || a.displayName.localeCompare(b.displayName))
    .slice(0, maxGroups);
}

/** A colour step 0..4 for a share, so the map can also print the step as text (readable without colour). */
export function heatStep(share: number): 0 | 1 | 2 | 3 | 4 {
  if (share <= 0) return 0;
  if (share < 0.1) return 1;
  if (share < 0.35) return 2;
  if (share < 0.7) return 3;
  return 4;
}
