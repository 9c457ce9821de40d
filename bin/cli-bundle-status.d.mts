export type CliBundleStatus = { fresh: boolean; bundle: string; reason: string };
export function cliBundleStatus(root?: string): CliBundleStatus;
