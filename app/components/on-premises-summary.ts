// One sentence about a synced user's on-premises account for /account and /admin/readiness: AD's lockout
// (since, bad passwords, when AD unlocks by itself), a self-service refusal, or why Verity cannot reach it.
import type { DeskOnPremisesView } from '@/server/hybrid/desk-on-premises';

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function onPremisesSummary(view: DeskOnPremisesView, t: Translate, locale: string): string | null {
  const time = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
  switch (view.source) {
    case 'entra':
      return null;
    case 'unavailable':
      return t('account.onPremises.unavailable');
    case 'unserved':
      return t(`account.onPremises.gap.${view.gap}`);
    case 'activeDirectory': {
      const { lockout } = view;
      const state =
        lockout.isLocked && lockout.lockedSince
          ? t(lockout.unlocksAt ? 'account.onPremises.lockedUntil' : 'account.onPremises.lockedForever', {
              since: time(lockout.lockedSince),
              until: lockout.unlocksAt ? time(lockout.unlocksAt) : '',
              count: lockout.badPasswordCount,
            })
          : t('account.onPremises.notLocked', { count: lockout.badPasswordCount });
      const refusal = view.refusals[0] ? ` ${t(`account.onPremises.refusal.${view.refusals[0]}`)}` : '';
      return `${t('account.onPremises.synced', { domain: view.domainName })} ${state}${refusal}`;
    }
  }
}
