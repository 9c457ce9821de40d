// Readable, translated labels for audit action codes (messages/*/desk.json "auditLabels"); a code without a
// label is shown as itself, so a new action is never hidden.
type Translate = (key: string, values?: Record<string, string | number>) => string;

export function auditActionLabel(t: Translate, action: string, prefix = ''): string {
  const key = `${prefix}auditLabels.${action}`;
  const label = t(key);
  return label === key ? action : label;
}
