// Work that must not be timed by the requester (account lookup, code delivery, notifications) runs after
// the response. Failures are logged without secrets; tests await `settleBackgroundTasks()`.
const pending = new Set<Promise<void>>();

export function runInBackground(task: () => Promise<void>): void {
  const running = Promise.resolve()
    .then(task)
    .catch((error: unknown) =>
      console.error('[verity] background task failed:', error instanceof Error ? error.message : String(error)),
    )
    .finally(() => pending.delete(running));
  pending.add(running);
}

export async function settleBackgroundTasks(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
