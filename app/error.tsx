'use client';
// Every surface's error boundary (https://nextjs.org/docs/app/api-reference/file-conventions/error): a page
// whose server work failed (the database refusing connections, a dependency timing out) shows the branded
// "temporarily unavailable, nothing was changed" page in the user's language inside the usual header,
// instead of Next's bare digest page. The strings come from the root layout (error-page-messages.tsx).
import en from '@/messages/en/error-page.json';
import { useErrorPageMessages } from './components/error-page-messages';
import { UnavailableNotice } from './components/unavailable-notice';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const messages = useErrorPageMessages() ?? en;
  return <UnavailableNotice messages={messages} digest={error.digest} onRetry={reset} />;
}
