// Tabs of one policy set: the same version (`v`) and "as of" date (`asOf`) are carried to every view. They wrap
// onto a second line at phone width: a sideways-scrolling row hid the later tabs, the current one among them.
import Link from 'next/link';
import { setViewHref } from '@/lib/simulator/set-links';

const tabs = ['policies', 'what-if', 'matrix', 'findings', 'retirement', 'blast-radius'] as const;
export type SetTab = (typeof tabs)[number];

export function SetNav({
  setId,
  version,
  asOf,
  current,
  t,
}: {
  setId: string;
  version?: number;
  asOf?: string;
  current: SetTab;
  t: (key: string) => string;
}) {
  return (
    <nav aria-label={t('simulator.nav.label')} className="mt-4 border-b border-slate-200">
      <ul className="flex flex-wrap gap-x-1">
        {tabs.map((tab) => {
          const href = setViewHref(setId, tab === 'policies' ? '' : tab, { version, asOf });
          const isCurrent = tab === current;
          return (
            <li key={tab}>
              <Link
                href={href}
                aria-current={isCurrent ? 'page' : undefined}
                className={`block rounded-t px-3 py-2 text-sm font-medium no-underline ${isCurrent ? 'border-b-2 border-brand-700 text-brand-900' : 'text-slate-700 hover:bg-slate-100'}`}
              >
                {t(`simulator.nav.${tab}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
