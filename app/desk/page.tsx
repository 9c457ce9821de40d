import { namespaceMessages } from '../../lib/i18n/catalogues';
import { agentRoles, hasDeskRole, auditorRoles } from '../../server/desk/desk-actor';
import { deskPageActor } from '../../server/desk/desk-page-actor';
import { requestMessages } from '../../server/i18n/request-messages';
import { DeskConsole } from './_components/desk-console';
import { DeskNav } from './_components/desk-nav';
import { NoAccess } from './_components/no-access';

export const dynamic = 'force-dynamic';

export default async function DeskPage() {
  const { locale, t } = await requestMessages();
  const { actor, isAllowed } = await deskPageActor(agentRoles, '/desk');
  const nav = {
    label: t('desk.nav.label'),
    console: t('desk.nav.console'),
    approvals: t('desk.nav.approvals'),
    audit: t('desk.nav.audit'),
  };
  if (!isAllowed) {
    return (
      <NoAccess
        t={t}
        returnTo="/desk"
        links={hasDeskRole(actor, auditorRoles) ? [{ href: '/desk/audit', label: nav.audit }] : []}
      />
    );
  }
  return (
    <>
      <DeskNav roles={actor.roles} current="console" labels={nav} />
      <h1 className="mb-1 text-2xl font-semibold">{t('desk.console.title')}</h1>
      <p className="mb-4 max-w-3xl text-slate-700">{t('desk.console.intro')}</p>
      <DeskConsole messages={namespaceMessages(locale, 'desk')} locale={locale} />
    </>
  );
}
