'use client';
// The way out of an `mfaStepUpRequired` refusal (desk actions, supervisor approval, policy import): sign in again
// with prompt=login through /signin (the same path as /account's re-authentication), back to this page.
import { usePathname } from 'next/navigation';
import { isStepUpRefusal, reauthenticateHref } from '@/lib/auth/reauthenticate-href';

export function StepUpLink({ reason, label }: { reason: string | null | undefined; label: string }) {
  const pathname = usePathname();
  if (!isStepUpRefusal(reason)) return null;
  return (
    <a
      href={reauthenticateHref(pathname ?? '/')}
      data-testid="step-up-link"
      className="mt-2 inline-block rounded-lg bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800"
    >
      {label}
    </a>
  );
}
