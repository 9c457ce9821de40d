// The header's sign-out: a plain form posting to next-auth with its CSRF token read on the server, so it works
// without JavaScript and bundles nothing (next-auth/react was 12 KB gzip on every page for this one button).
import { currentCsrfToken } from '@/server/auth/csrf-token';

const linkStyle =
  'rounded px-2 py-1 text-sm font-medium text-slate-700 underline-offset-2 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-700';
const buttonStyle =
  'rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700';

/** `prominent`: the primary button of the sign-out page instead of the header's link-like button. */
export async function SignOutForm({ label, prominent = false }: { label: string; prominent?: boolean }) {
  const csrfToken = await currentCsrfToken();
  return (
    <form method="post" action="/api/auth/signout">
      <input type="hidden" name="csrfToken" value={csrfToken ?? ''} />
      <input type="hidden" name="callbackUrl" value="/" />
      <button type="submit" className={prominent ? buttonStyle : linkStyle}>
        {label}
      </button>
    </form>
  );
}
