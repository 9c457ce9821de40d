import { requestMessages } from '../server/i18n/request-messages';

const surfaces = ['reset', 'unlock', 'desk', 'simulator'] as const;

export default async function HomePage() {
  const { t } = await requestMessages();
  return (
    <>
      <h1 className="text-2xl font-semibold sm:text-3xl">{t('home.title')}</h1>
      <p className="mt-2 max-w-2xl text-slate-700">{t('app.tagline')}</p>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2">
        {surfaces.map((surface) => (
          <li key={surface} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="text-lg font-semibold">{t(`home.${surface}.title`)}</h2>
            <p className="mt-2 text-slate-700">{t(`home.${surface}.body`)}</p>
            <p className="mt-3 text-sm font-medium text-slate-600">{t('home.comingSoon')}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
