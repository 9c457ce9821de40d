import Link from 'next/link';
import type { PortalRole } from '@/server/auth/auth-options';

/** Console / approvals / audit, by role. */
export function DeskNav({
  roles,
  current,
  labels,
}: {
  roles: readonly PortalRole[];
  current: 'console' | 'approvals' | 'audit';
  labels: Record<'label' | 'console' | 'approvals' | 'audit', string>;
}) {
  const allItems: { key: typeof current; href: string; roles: readonly PortalRole[] }[] = [
    { key: 'console', href: '/desk', roles: ['Desk.Agent', 'Desk.Supervisor'] },
    { key: 'approvals', href: '/desk/approvals', roles: ['Desk.Supervisor'] },
    { key: 'audit', href: '/desk/audit', roles: ['Desk.Auditor', 'Desk.Supervisor'] },
  ];
  const items = allItems.filter((item) => item.roles.some((role) => roles.includes(role)));
  return (
    <nav aria-label={labels.label} className="mb-4">
      <ul className="flex flex-wrap gap-2 text-sm">
        {items.map((item) => (
          <li key={item.key}>
            <Link
              href={item.href}
              aria-current={item.key === current ? 'page' : undefined}
              className={`inline-block rounded-lg border px-3 py-1.5 font-medium ${item.key === current ? 'border-brand-700 bg-brand-700' : 'border-slate-300 bg-white'}`}
            >
              {/* The span carries the colour: the global `a` colour rule would otherwise win over a utility on the link. */}
              <span className={item.key === current ? 'text-white' : 'text-slate-800'}>{labels[item.key]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
