import { WayOnward } from '@/app/components/way-onward';

/** A desk page the signed-in user's roles do not open: the reason, and where to go instead. */
export function NoAccess({
  t,
  returnTo,
  links,
}: {
  t: (key: string, values?: Record<string, string | number>) => string;
  returnTo: string;
  links: { href: string; label: string }[];
}) {
  return (
    <section className="mx-auto max-w-lg rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">{t('errors.forbiddenTitle')}</h1>
      <p className="mt-2 text-slate-700">{t('errors.forbiddenBody')}</p>
      <WayOnward t={t} returnTo={returnTo} extra={links} />
    </section>
  );
}
