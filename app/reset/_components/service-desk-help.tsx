// How to reach the service desk when self-service cannot finish (configurable: README, "Configuration").
import { serviceDeskContact } from '@/server/reset/reset-help';

export function ServiceDeskHelp({
  t,
  heading,
  body,
  isUrgent,
}: {
  t: (key: string, values?: Record<string, string | number>) => string;
  heading: string;
  body: string;
  isUrgent: boolean;
}) {
  const contact = serviceDeskContact();
  return (
    <section
      aria-labelledby="desk-help-heading"
      data-testid="desk-help"
      className={`mt-5 rounded-xl border p-4 ${isUrgent ? 'border-amber-400 bg-amber-50' : 'border-slate-200 bg-white'}`}
    >
      <h2 id="desk-help-heading" className="font-semibold">
        {heading}
      </h2>
      <p className="mt-1 text-slate-800">{body}</p>
      <dl className="mt-3 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t('reset.help.phone')}</dt>
        <dd>
          <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a>
        </dd>
        <dt className="font-medium">{t('reset.help.hours')}</dt>
        <dd>{contact.hours ?? t('reset.help.defaultHours')}</dd>
      </dl>
      {contact.text && <p className="mt-2 text-slate-800">{contact.text}</p>}
      <p className="mt-2 text-sm text-slate-700">{t('reset.help.whatToSay')}</p>
    </section>
  );
}
