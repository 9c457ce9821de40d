// The "What is registered / what is missing" cell of /admin/readiness: the user's methods, then what stops a reset.
import type { UserReadiness } from '@/server/account/reset-readiness-report';

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function ReadinessDetail({ user, t, locale }: { user: UserReadiness; t: Translate; locale: string }) {
  const registered = user.methods.filter((mode) => mode !== 'password').map((mode) => t(`simulator.method.${mode}`));
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  return (
    <>
      <span className="block">
        {registered.length === 0
          ? t('account.admin.detailOnlyPassword')
          : t('account.admin.detailRegistered', { methods: list.format(registered) })}
      </span>
      <span className="mt-1 block text-slate-700">
        {user.reason === 'blockedByPolicy'
          ? user.detail
            ? t('account.admin.detailBlockedBy', { policy: user.detail })
            : t('account.admin.detailBlocked')
          : t('account.admin.detailMissing')}
      </span>
    </>
  );
}
