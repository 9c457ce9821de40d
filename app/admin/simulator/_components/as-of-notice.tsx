// The line under a view's tabs saying which "as of" date applies, or that a given one was ignored.
type T = (key: string, values?: Record<string, string | number>) => string;

export function AsOfNotice({ asOf, invalid, t }: { asOf?: string; invalid?: string; t: T }) {
  if (invalid)
    return (
      <p role="alert" className="mt-3 rounded border border-red-700 bg-red-50 p-3 text-sm text-red-900">
        {t('simulator.fields.asOfInvalid', { value: invalid })}
      </p>
    );
  if (!asOf) return null;
  return (
    <p className="mt-3 rounded border border-amber-700 bg-amber-50 p-3 text-sm text-amber-950" data-testid="as-of">
      {t('simulator.fields.asOfApplied', { date: asOf })}
    </p>
  );
}
