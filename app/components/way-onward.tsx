import Link from 'next/link';

// Access-denied pages never end the road: home, another account, and the self-service pages.
export function WayOnward({
  t,
  returnTo,
  extra = [],
}: {
  t: (key: string, values?: Record<string, string | number>) => string;
  returnTo: string;
  extra?: { href: string; label: string }[];
}) {
  const links = [
    ...extra,
    { href: '/', label: t('errors.onward.home') },
    { href: `/signin?callbackUrl=${encodeURIComponent(returnTo)}`, label: t('errors.onward.otherAccount') },
    { href: '/account', label: t('errors.onward.account') },
  ];
  return (
    <nav aria-label={t('errors.onward.label')} className="mt-4">
      <ul className="list-inside list-disc space-y-1">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
