'use client';
import { useRouter } from 'next/navigation';

// The language is a preference cookie read by server/i18n/request-messages.ts; changing it changes no
// account state, so it is set in the browser and the page re-renders on the server.
export function LanguageSwitcher({
  locale,
  label,
  options,
}: {
  locale: string;
  label: string;
  options: { value: string; name: string }[];
}) {
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      <span className="sr-only sm:not-sr-only">{label}</span>
      <select
        className="rounded border border-slate-300 bg-white px-2 py-1 text-sm"
        value={locale}
        onChange={(event) => {
          document.cookie = `verity-locale=${encodeURIComponent(event.target.value)}; path=/; max-age=31536000; samesite=lax`;
          router.refresh();
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.value}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
}
