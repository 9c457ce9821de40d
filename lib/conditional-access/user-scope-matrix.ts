// Every policy's user targeting for every user, two bits per (user, policy) cell: not included, included, excluded.
// User-major: one What-If reads one user's row in a single run of bytes, and blast radius walks users in order.
// A byte per cell was 500 MB at a million users and 500 policies, and touching that much fresh memory (page faults
// and zeroing) was the largest part of a million-user compile; four cells per byte make it 125 MB.

export const userNotIncluded = 0;
export const userIncluded = 1;
export const userExcluded = 2;

export type UserScopeMatrix = {
  readonly userCount: number;
  readonly policyCount: number;
  /** Bytes per user row: four policies per byte. */
  readonly rowBytes: number;
  /** Policy p of user u: bits 2 * (p % 4) of cells[u * rowBytes + floor(p / 4)]. */
  readonly cells: Uint8Array;
};

export function createUserScopeMatrix(userCount: number, policyCount: number): UserScopeMatrix {
  const rowBytes = (policyCount + 3) >> 2;
  return { userCount, policyCount, rowBytes, cells: new Uint8Array(userCount * rowBytes) };
}

/** A copy whose cells can be rewritten without touching the original (replacePolicy). */
export function copyUserScopeMatrix(matrix: UserScopeMatrix): UserScopeMatrix {
  return { ...matrix, cells: matrix.cells.slice() };
}

/** userNotIncluded, userIncluded or userExcluded. */
export function userScopeAt(matrix: UserScopeMatrix, userIndex: number, policyIndex: number): number {
  const byte = matrix.cells[userIndex * matrix.rowBytes + (policyIndex >> 2)] ?? 0;
  return (byte >> ((policyIndex & 3) << 1)) & 3;
}

export function setUserScope(matrix: UserScopeMatrix, userIndex: number, policyIndex: number, value: number): void {
  const at = userIndex * matrix.rowBytes + (policyIndex >> 2);
  const shift = (policyIndex & 3) << 1;
  matrix.cells[at] = ((matrix.cells[at] ?? 0) & ~(3 << shift)) | (value << shift);
}

/**
 * Writes one row for every user at once (the "All users" inclusions of a policy set): the first row, then the rows
 * written so far copied after themselves (1, 2, 4, ... rows), twenty block copies for a million users.
 */
export function fillEveryRow(matrix: UserScopeMatrix, row: readonly number[]): void {
  const { rowBytes, cells, userCount } = matrix;
  if (userCount === 0 || rowBytes === 0) return;
  for (let p = 0; p < row.length && p < matrix.policyCount; p++) setUserScope(matrix, 0, p, row[p] ?? 0);
  const total = userCount * rowBytes;
  for (let written = rowBytes; written < total; written *= 2)
    cells.copyWithin(written, 0, Math.min(written, total - written));
}
