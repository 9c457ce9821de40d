import Link from 'next/link';
import { requestMessages } from '../server/i18n/request-messages';

const surfaces = [
  { key: 'reset', href: '/reset' },
  { key: 'unlock', href: '/unlock' },
  { key: 'desk', href: '/desk' },
  { key: 'simulator', href: '/admin/simulator' },
] as const;

export default async function HomePage() {
  const { t } = await requestMessages();
  return (
    <>
      <h1 className="text-2xl font-semibold sm:text-3xl">{t('home.title')}</h1>
      <p className="mt-2 max-w-2xl text-slate-700">{t('app.tagline')}</p>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2">
        {surfaces.map((surface) => (
          <li
            key={surface.key}
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
