'use client';
// The synced user's on-premises account on the desk card: AD's lockout (locked since, bad password count,
// when AD unlocks by itself), self-service refusals, and why Verity cannot reach the account if it cannot.
import type { UserCard } from '@/server/desk/load-user-card';
import { useDeskLocale, useDeskTranslate } from './use-desk-translate';

export function OnPremisesStatus({ view }: { view: UserCard['onPremises'] }) {
  const t = useDeskTranslate();
  const locale = useDeskLocale();
  const time = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
  if (view.source === 'entra') return null;
  if (view.source === 'unavailable')
    return <li className="rounded bg-red-100 px-2 py-1 text-red-900">{t('card.ad.unavailable')}</li>;
  if (view.source === 'unserved')
    return <li className="rounded bg-red-100 px-2 py-1 text-red-900">{t(`card.ad.gap.${view.gap}`)}</li>;
  const { lockout } = view;
  return (
    <>
      <li className="rounded bg-slate-100 px-2 py-1 text-slate-900" data-testid="ad-source">
        {t('card.ad.synced', {
          domain: view.domainName,
          policy:
            view.policySource === 'fineGrained'
              ? t('card.ad.fineGrainedPolicy', { name: view.policyName })
              : t('card.ad.domainPolicy'),
        })}
      </li>
      <li
        data-testid="ad-lockout"
        className={`rounded px-2 py-1 ${lockout.isLocked ? 'bg-red-100 text-red-900' : 'bg-green-100 text-green-900'}`}
      >
        {lockout.isLocked && lockout.lockedSince
          ? t(lockout.unlocksAt ? 'card.ad.lockedUntil' : 'card.ad.lockedForever', {
              since: time(lockout.lockedSince),
              until: lockout.unlocksAt ? time(lockout.unlocksAt) : '',
              count: lockout.badPasswordCount,
            })
          : t('card.ad.notLocked', { count: lockout.badPasswordCount })}
      </li>
      {view.refusals.map((refusal) => (
        <li key={refusal} className="rounded bg-amber-100 px-2 py-1 text-amber-900">
          {t(`card.ad.refusal.${refusal}`)}
        </li>
      ))}
    </>
  );
}
