// How a simulator page shows an AppError: sign-in link when signed out, a plain refusal without the role, the
// message (with its JSON path or URL parameter) for bad input, 404 for an unknown set. Anything else is a bug
// and goes to Next's error boundary (no stack trace reaches the page in production).
import { notFound } from 'next/navigation';
import { WayOnward } from '@/app/components/way-onward';
import { isAppError } from '@/lib/app-error';

export function AppErrorPanel({
  error,
  t,
  returnTo,
}: {
  error: unknown;
  t: (key: string) => string;
  returnTo: string;
}) {
  if (!isAppError(error)) throw error;
  if (error.code === 'NOT_FOUND') notFound();
  if (error.code === 'UNAUTHORIZED') {
    return (
      <section aria-labelledby="access-title" className="rounded-lg border border-slate-300 bg-white p-5">
        <h1 id="access-title" className="text-xl font-semibold">
          {t('simulator.access.signInTitle')}
        </h1>
        <p className="mt-2">{t('simulator.access.signInBody')}</p>
        <p className="mt-4">
          <a
            className="rounded bg-brand-700 px-4 py-2 font-medium text-white! no-underline"
            href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`}
          >
            {t('simulator.access.signIn')}
          </a>
        </p>
      </section>
    );
  }
  if (error.code === 'FORBIDDEN') {
    return (
      <section aria-labelledby="access-title" className="rounded-lg border border-red-300 bg-white p-5">
        <h1 id="access-title" className="text-xl font-semibold">
          {t('simulator.access.forbiddenTitle')}
        </h1>
        <p className="mt-2">{t('simulator.access.forbiddenBody')}</p>
        <WayOnward t={t} returnTo={returnTo} />
      </section>
    );
  }
  return <ErrorAlert message={error.message} />;
}

export function ErrorAlert({ message }: { message: string }) {
  return (
    <p role="alert" className="mt-4 rounded border border-red-700 bg-red-50 p-3 text-red-900">
      {message}
    </p>
  );
}
