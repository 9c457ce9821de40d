// Links between the views of one policy set. The version (`v`, only when not the latest) and the "as of" date
// (`asOf`) travel with every link, the policy editor's included, so a date chosen in one view applies in all of
// them (issue 15) and survives opening, saving or deleting a policy.

export type SetLinkState = { version?: number; asOf?: string };

/** `view`: '' for the policies list, a tab ('what-if', 'matrix', ...) or `policies/<id>` for the editor. */
export function setViewHref(
  setId: string,
  view: string,
  state: SetLinkState = {},
  extra: Readonly<Record<string, string>> = {},
): string {
  const params = new URLSearchParams();
  if (state.version) params.set('v', String(state.version));
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  if (state.asOf) params.set('asOf', state.asOf);
  const query = params.size > 0 ? `?${params.toString()}` : '';
  return `/admin/simulator/${setId}${view === '' ? '' : `/${view}`}${query}`;
}

/** The editor of one policy (or `new`), with the set's "as of" date. */
export function policyEditorHref(setId: string, policyId: string, state: SetLinkState = {}): string {
  return setViewHref(setId, `policies/${encodeURIComponent(policyId)}`, { asOf: state.asOf });
}
