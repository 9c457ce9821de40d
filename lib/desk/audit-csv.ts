// CSV export of audit entries for auditors (RFC 4180 quoting). Cells that a spreadsheet would run as a
// formula are prefixed with an apostrophe (OWASP "CSV Injection"), since user names and details come
// from outside.
export type AuditCsvRow = {
  seq: number;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  subjectId: string | null;
  action: string;
  outcome: string;
  ip: string | null;
  detailsJson: string;
  hash: string;
  previousHash: string;
};

const header = [
  'seq',
  'occurredAt',
  'actorType',
  'actorId',
  'subjectId',
  'action',
  'outcome',
  'ip',
  'details',
  'hash',
  'previousHash',
];

export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function auditCsv(rows: readonly AuditCsvRow[]): string {
  const lines = rows.map((r) =>
    [
      r.seq,
      r.occurredAt.toISOString(),
      r.actorType,
      r.actorId,
      r.subjectId,
      r.action,
      r.outcome,
      r.ip,
      r.detailsJson,
      r.hash,
      r.previousHash,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
