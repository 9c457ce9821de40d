'use client';
import type { UserCardAnswer } from '@/lib/desk/desk-answer-schemas';
import { auditActionLabel } from './audit-labels';
import { OnPremisesStatus } from './on-premises-status';
import { useDeskLocale, useDeskTranslate } from './use-desk-translate';

/** Stacked on a phone, a term must not look like its value: small, bold, muted capitals (issue 14). */
const termClass = 'font-semibold text-slate-600 max-sm:text-xs max-sm:uppercase max-sm:tracking-wide';

/** Who the caller claims to be: methods, default method, lockout, privilege, history, warnings. */
export function UserCard({
  card,
  onStart,
  isStarting,
  startError,
}: {
  card: UserCardAnswer;
  onStart: () => void;
  isStarting: boolean;
  startError: string | null;
}) {
  const t = useDeskTranslate();
  const locale = useDeskLocale();
  const cannotStart = card.isOwnAccount
    ? 'refusals.ownAccount'
    : card.privilege.isSupervisor
      ? 'refusals.supervisorAccount'
      : card.blockedUntil
        ? 'refusals.targetBlocked'
        : null;
  return (
    <section aria-labelledby="card-title" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="card-title" className="text-lg font-semibold">
          {card.user.displayName}
        </h2>
        <p className="text-sm text-slate-600">{card.user.userPrincipalName}</p>
      </div>
      <ul className="mt-2 flex flex-wrap gap-2 text-xs font-medium">
        {card.privilege.isPrivileged ? (
          <li className="rounded bg-amber-100 px-2 py-1 text-amber-900">
            {t('card.privileged', {
              roles: [...card.privilege.directoryRoles, ...card.privilege.privilegedGroups].join(', '),
            })}
          </li>
        ) : null}
        {card.privilege.isSupervisor ? (
          <li className="rounded bg-amber-100 px-2 py-1 text-amber-900">{t('card.supervisor')}</li>
        ) : null}
        <li
          className={`rounded px-2 py-1 ${card.lockout.isLockedOut ? 'bg-red-100 text-red-900' : 'bg-green-100 text-green-900'}`}
        >
          {/* A synced user has two lockouts: Entra's smart lockout here, AD's on the next line. */}
          {card.onPremises.source === 'entra'
            ? t(card.lockout.isLockedOut ? 'card.lockedOut' : 'card.notLockedOut')
            : t(card.lockout.isLockedOut ? 'card.ad.entraLockedOut' : 'card.ad.entraNotLockedOut')}
        </li>
        <OnPremisesStatus view={card.onPremises} />
        {!card.user.accountEnabled ? (
          <li className="rounded bg-red-100 px-2 py-1 text-red-900">{t('card.disabled')}</li>
        ) : null}
      </ul>
      {card.repeatedRequests.isRepeated ? (
        <p role="alert" className="mt-3 rounded-lg border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950">
          {t('card.repeated', {
            count: card.repeatedRequests.priorCases,
            days: card.repeatedRequests.lookBackDays,
            rejected: card.repeatedRequests.rejectedPushes,
          })}
        </p>
      ) : null}
      {card.blockedUntil ? (
        <p role="alert" className="mt-3 rounded-lg border border-red-300 bg-red-50 p-2 text-sm text-red-900">
          {t('card.blocked', { until: new Date(card.blockedUntil).toLocaleTimeString() })}
        </p>
      ) : null}
      <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        <dt className={termClass}>{t('card.methods')}</dt>
        <dd className="max-sm:mb-1">
          {card.methods.length === 0
            ? t('card.noMethods')
            : card.methods.map((m) => t(`methodTypes.${m.type}`) + (m.label ? ` (${m.label})` : '')).join(', ')}
        </dd>
        <dt className={termClass}>{t('card.defaultMethod')}</dt>
        <dd className="max-sm:mb-1">{card.defaultMethod ? t(`preferences.${card.defaultMethod}`) : t('card.none')}</dd>
        <dt className={termClass}>{t('card.activity')}</dt>
        <dd className="max-sm:mb-1">
          {card.recentActivity.length === 0 ? (
            t('card.noActivity')
          ) : (
            <ul className="space-y-0.5">
              {card.recentActivity.slice(0, 5).map((a, i) => (
                <li key={i}>
                  <time dateTime={a.at}>
                    {new Date(a.at).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })}
                  </time>{' '}
                  — <span title={a.action}>{auditActionLabel(t, a.action)}</span> ({t(`auditOutcomes.${a.outcome}`)})
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {cannotStart ? (
        <p role="alert" className="mt-3 rounded-lg border border-red-300 bg-red-50 p-2 text-sm text-red-900">
          {t(cannotStart)}
        </p>
      ) : (
        <button
          type="button"
          onClick={onStart}
          disabled={isStarting}
          className="mt-4 rounded-lg bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-70"
        >
          {t('card.start')}
        </button>
      )}
      {startError ? (
        <p role="alert" className="mt-2 rounded-lg border border-red-300 bg-red-50 p-2 text-sm text-red-900">
          {startError}
        </p>
      ) : null}
    </section>
  );
}
