import Link from 'next/link';

export function NoAccess({
  title,
  body,
  links,
}: {
  title: string;
  body: string;
  links: { href: string; label: string }[];
}) {
  return (
    <section className="mx-auto max-w-lg rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-2 text-slate-700">{body}</p>
      {links.length > 0 ? (
        <ul className="mt-4 list-inside list-disc">
          {links.map((l) => (
            <li key={l.href}>
              <Link href={l.href}>{l.label}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
