// /reset/services and /unlock/services: the identity services, their stars and the user's progress. The
// list is the same for every username. Coming back from Entra with an error or a cancel lands here with
// the explanation and the other services (never a dead end); short of stars, the page says how many are
// missing and how to reach the service desk; once verified, the services no longer needed fold away.
import { resetProgressForPage, type ResetProgress } from '@/server/reset/reset-progress';
import { requestMessages } from '@/server/i18n/request-messages';
import { isIdentityServiceId, type ResetPurpose } from '@/lib/reset/identity-services';
import { ErrorNotice, InfoNotice, SuccessNotice, buttonClass, secondaryButtonClass } from './notice';
import type { ResetQuery } from './query';
import { resetErrorKey } from '@/app/components/page-error-keys';
import { entraNoticeKey } from './entra-notice-key';
import { ServiceDeskHelp } from './service-desk-help';
import { StartAgain } from './start-again';

type Translate = (key: string, values?: Record<string, string | number>) => string;
type Service = ResetProgress['services'][number];

export async function ServicesPage({ purpose, query }: { purpose: ResetPurpose; query: ResetQuery }) {
  const { t } = await requestMessages();
  const progress = await resetProgressForPage();
  if (!progress || progress.purpose !== purpose)
    return <StartAgain purpose={purpose} messageKey="reset.errors.noSession" />;
  if (progress.status !== 'active')
    return <StartAgain purpose={purpose} messageKey={`reset.services.ended.${progress.status}`} />;
  const errorKey = resetErrorKey(query.error);
  const entraKey = entraNoticeKey(query.entra);
  const { guidance } = progress;
  const justVerified = progress.services.find(
    (s) => s.isVerified && isIdentityServiceId(query.verified) && s.id === query.verified,
  );
  const byId = new Map(progress.services.map((s) => [s.id, s]));
  const verified = progress.services.filter((s) => s.isVerified);
  const remaining = guidance.remaining.map((id) => byId.get(id)).filter((s): s is Service => s !== undefined);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold sm:text-3xl">{t(`reset.services.${purpose}Title`)}</h1>
      <p className="mt-3 text-slate-700">
        {t('reset.services.intro', {
          required: progress.required,
          action: t(purpose === 'reset' ? 'reset.services.actionReset' : 'reset.services.actionUnlock'),
        })}
      </p>
      {entraKey && query.entra === 'verified' && <SuccessNotice>{t(entraKey)}</SuccessNotice>}
      {entraKey && query.entra !== 'verified' && <ErrorNotice>{t(entraKey)}</ErrorNotice>}
      {!entraKey && progress.hasUnfinishedEntraVerification && (
        <InfoNotice>{t('reset.services.entra.unfinished')}</InfoNotice>
      )}
      {justVerified && (
        <SuccessNotice>
          <span aria-hidden="true">✓ </span>
          {t('reset.services.checked', {
            service: t(`reset.services.items.${justVerified.id}.name`),
            stars: justVerified.stars,
          })}
        </SuccessNotice>
      )}
      {errorKey && <ErrorNotice>{t(errorKey)}</ErrorNotice>}
      <div className="mt-5 rounded-xl border border-slate-200 bg-white p-4">
        <p className="font-medium" data-testid="star-progress">
          {t('reset.services.progress', { stars: guidance.shownStars, required: progress.required })}
        </p>
        <div aria-hidden="true" className="mt-2 h-2 overflow-hidden rounded bg-slate-200">
          <div
            className="h-2 bg-brand-600"
            style={{ width: `${Math.round((guidance.shownStars / Math.max(1, progress.required)) * 100)}%` }}
          />
        </div>
        <p className="mt-2 text-sm text-slate-600">{t('reset.services.timeLeft', { minutes: progress.minutesLeft })}</p>
      </div>
      {progress.isHeldBackByMfaRule && <InfoNotice>{t('reset.services.heldBack')}</InfoNotice>}
      {progress.isEnough ? (
        <div className="mt-5 rounded-xl border border-green-300 bg-green-50 p-4">
          <p className="font-medium text-green-900">{t('reset.services.enough')}</p>
          {purpose === 'reset' ? (
            <a href="/reset/new-password" className={`${buttonClass} mt-3`}>
              {t('reset.services.continueReset')}
            </a>
          ) : (
            <form method="post" action="/reset/actions/unlock" className="mt-3">
              <input type="hidden" name="csrf" value={progress.csrf} />
              <button type="submit" className={buttonClass}>
                {t('reset.services.continueUnlock')}
              </button>
            </form>
          )}
        </div>
      ) : (
        <MissingStars t={t} progress={progress} />
      )}
      {progress.isEnough ? (
        <>
          <ServiceList t={t} purpose={purpose} progress={progress} services={verified} />
          {remaining.length > 0 && (
            <details className="mt-4 rounded-xl border border-slate-200 bg-white p-4">
              <summary className="cursor-pointer font-medium">
                {t('reset.services.notNeeded', { count: remaining.length })}
              </summary>
              <ServiceList t={t} purpose={purpose} progress={progress} services={remaining} isFolded />
            </details>
          )}
        </>
      ) : (
        <ServiceList t={t} purpose={purpose} progress={progress} services={[...remaining, ...verified]} />
      )}
      <p className="mt-6">
        <a href={`/${purpose}`}>{t('reset.services.startAgain')}</a>
      </p>
    </div>
  );
}

function MissingStars({ t, progress }: { t: Translate; progress: ResetProgress }) {
  const { guidance } = progress;
  if (guidance.cannotReachThreshold)
    return (
      <ServiceDeskHelp
        t={t}
        heading={t('reset.help.outOfReachTitle')}
        body={t('reset.help.outOfReach', { missing: guidance.missingStars, required: progress.required })}
        isUrgent
      />
    );
  const hasProgress = guidance.shownStars > 0;
  return (
    <ServiceDeskHelp
      t={t}
      heading={t(hasProgress ? 'reset.help.missingTitle' : 'reset.help.title', { missing: guidance.missingStars })}
      body={t('reset.help.body')}
      isUrgent={false}
    />
  );
}

function ServiceList({
  t,
  purpose,
  progress,
  services,
  isFolded = false,
}: {
  t: Translate;
  purpose: ResetPurpose;
  progress: ResetProgress;
  services: Service[];
  isFolded?: boolean;
}) {
  return (
    <ul className="mt-6 grid gap-4">
      {services.map((service) => {
        const name = t(`reset.services.items.${service.id}.name`);
        const isDemoted = service.id === 'entraMfa' && progress.isEntraMfaDemoted;
        const body =
          service.id === 'entraMfa' && purpose === 'unlock'
            ? t('reset.services.items.entraMfa.bodyUnlock')
            : t(`reset.services.items.${service.id}.body`);
        return (
          <li
            key={service.id}
            data-service={service.id}
            className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-lg font-semibold">{name}</h2>
              <span className="rounded-full bg-amber-100 px-3 py-1 text-sm font-medium text-amber-900">
                <span aria-hidden="true">★ </span>
                {t('reset.services.worth', { stars: service.stars })}
              </span>
            </div>
            <p className="mt-2 text-slate-700">{body}</p>
            {isDemoted && (
              <p className="mt-2 font-medium text-slate-800">{t('reset.services.items.entraMfa.demoted')}</p>
            )}
            {!isFolded && (
              <div className="mt-3">
                {service.isVerified ? (
                  <p className="font-medium text-green-800">
                    <span aria-hidden="true">✓ </span>
                    {t('reset.services.verified')}
                  </p>
                ) : service.id === 'entraMfa' ? (
                  <form method="post" action="/reset/actions/entra">
                    <input type="hidden" name="csrf" value={progress.csrf} />
                    <input type="hidden" name="purpose" value={purpose} />
                    <button type="submit" className={isDemoted ? secondaryButtonClass : buttonClass}>
                      {t(isDemoted ? 'reset.services.items.entraMfa.tryAgain' : 'reset.services.items.entraMfa.action')}
                    </button>
                  </form>
                ) : (
                  <a
                    href={`/${purpose}/verify/${service.id}`}
                    className={secondaryButtonClass}
                    aria-label={`${t('reset.services.use')}: ${name}`}
                  >
                    {t('reset.services.use')}
                  </a>
                )}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
