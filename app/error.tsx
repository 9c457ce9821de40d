'use client';
// Every surface's error boundary (https://nextjs.org/docs/app/api-reference/file-conventions/error): a page
// whose server work failed (the database refusing connections, a dependency timing out) shows the branded
// "temporarily unavailable, nothing was changed" page in the user's language inside the usual header,
// instead of Next's bare digest page.
import { useLocale } from './components/locale-provider';
import { UnavailableNotice } from './components/unavailable-notice';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = useLocale();
  return <UnavailableNotice locale={locale} digest={error.digest} onRetry={reset} />;
}
