import { z } from 'zod';
import { requestMessages } from '@/server/i18n/request-messages';

export const dynamic = 'force-dynamic';

const searchSchema = z.object({ result: z.enum(['verified', 'cancelled', 'failed', 'invalid']).catch('invalid') });

/** Where the user lands after the desk's sign-in link: tells them to return to the call. */
export default async function DeskLinkDonePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { t } = await requestMessages();
  const { result } = searchSchema.parse(await searchParams);
  return (
    <section className="mx-auto max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">{t(`desk.linkDone.${result}.title`)}</h1>
      <p role={result === 'verified' ? 'status' : 'alert'} className="mt-2 text-slate-700">
        {t(`desk.linkDone.${result}.body`)}
      </p>
    </section>
  );
}
