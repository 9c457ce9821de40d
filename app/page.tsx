import Link from 'next/link';
import { currentSession } from '../server/auth/current-session';
import { requestMessages } from '../server/i18n/request-messages';

// The desk and simulator cards only for the roles that can use them (the pages check the roles again).
const surfaces: readonly { key: string; href: string; roles?: readonly string[] }[] = [
  { key: 'reset', href: '/reset' },
  { key: 'unlock', href: '/unlock' },
  { key: 'desk', href: '/desk', roles: ['Desk.Agent', 'Desk.Supervisor', 'Desk.Auditor'] },
  { key: 'simulator', href: '/admin/simulator', roles: ['Portal.Admin'] },
  { key: 'admin', href: '/admin', roles: ['Portal.Admin'] },
];

export default async function HomePage() {
  const { t } = await requestMessages();
  const roles: readonly string[] = (await currentSession())?.roles ?? [];
  const shown = surfaces.filter((surface) => !surface.roles || surface.roles.some((role) => roles.includes(role)));
  return (
    <>
      <h1 className="text-2xl font-semibold sm:text-3xl">{t('home.title')}</h1>
      <p className="mt-2 max-w-2xl text-slate-700">{t('app.tagline')}</p>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2">
        {shown.map((surface) => (
          <li
            key={surface.key}
            data-surface={surface.key}
            className="relative rounded-xl border border-slate-200 bg-white p-5 shadow-sm focus-within:ring-2 focus-within:ring-brand-700 hover:border-brand-700"
          >
            <h2 className="text-lg font-semibold">
              <Link href={surface.href} className="after:absolute after:inset-0 focus:outline-none">
                {t(`home.${surface.key}.title`)}
              </Link>
            </h2>
            <p className="mt-2 text-slate-700">{t(`home.${surface.key}.body`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
