import { findChainBreak, type ChainBreak } from '../../lib/audit/hash-chain';
import type { DatabaseClient } from '../database/create-database-client';
import { sha256Hex } from './append-audit-event';

export type AuditChainReport = { entries: number; intact: boolean; firstBreak: ChainBreak | null };

/** Reads the whole log in chain order (seq) in pages and checks every link. */
export async function verifyAuditChain(db: DatabaseClient, pageSize = 5_000): Promise<AuditChainReport> {
  const entries = [];
  let cursor = 0;
  for (;;) {
    const page = await db.auditEvent.findMany({
      where: { seq: { gt: cursor } },
      orderBy: { seq: 'asc' },
      take: pageSize,
    });
    if (page.length === 0) break;
    entries.push(...page);
    cursor = page.at(-1)!.seq;
  }
  const firstBreak = findChainBreak(entries, sha256Hex);
  return { entries: entries.length, intact: firstBreak === null, firstBreak };
}
