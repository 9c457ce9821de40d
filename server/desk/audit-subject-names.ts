import 'server-only';
// Page data for the audit page: the display names of the users the shown entries are about, so auditors read
// names (the object id stays on hover). Looked up in the directory at most once per id, for at most 50 ids;
// an id the directory no longer knows keeps showing the id.
import type { DeskDependencies } from './desk-dependencies';

export async function auditSubjectNames(
  deps: Pick<DeskDependencies, 'directory'>,
  subjectIds: readonly (string | null)[],
): Promise<Map<string, string>> {
  const distinct = [...new Set(subjectIds.filter((id): id is string => Boolean(id)))].slice(0, 50);
  const found = await Promise.allSettled(distinct.map((id) => deps.directory.getUser(id)));
  const names = new Map<string, string>();
  found.forEach((result, index) => {
    const id = distinct[index];
    if (result.status === 'fulfilled' && id) names.set(id, result.value.displayName);
  });
  return names;
}
