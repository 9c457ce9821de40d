import Link from 'next/link';
import type { PortalRole } from '../../../server/auth/auth-options';

/** Console / approvals / audit, by role. */
export function DeskNav({ roles, current, labels }: { roles: readonly PortalRole[]; current: 'console' | 'approvals' | 'audit'; labels: Record<'label' | 'console' | 'approvals' | 'audit', string> }) {
  const items = [
    { key: 'console' as const, href: '/desk', roles: ['Desk.Agent', 'Desk.Supervisor'] },
    { key: 'approvals' as const, href: '/desk/approvals', roles: ['Desk.Supervisor'] },
    { key: 'audit' as const, href: '/desk/audit', roles: ['Desk.Auditor', 'Desk.Supervisor'] },
  ].filter((item) => item.roles.some((role) => roles.includes(role as PortalRole)));
  return (
    <nav aria-label={labels.label} className="mb-4">
      <ul className="flex flex-wrap gap-2 text-sm">
        {items.map((item) => (
          <li key={item.key}>
            <Link href={item.href} aria-current={item.key === current ? 'page' : undefined} className={`inline-block rounded-lg px-3 py-1.5 font-medium ${item.key === current ? 'bg-brand-700 text-white' : 'border border-slate-300 bg-white text-slate-800'}`}>
              {labels[item.key]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
