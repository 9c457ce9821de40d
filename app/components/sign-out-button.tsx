'use client';
import { signOut } from 'next-auth/react';

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      className="rounded px-2 py-1 text-sm font-medium text-slate-700 underline-offset-2 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-700"
      onClick={() => void signOut({ callbackUrl: '/' })}
    >
      {label}
    </button>
  );
}
