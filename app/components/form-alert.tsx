'use client';
// A refused server action's sentence in a role="alert" region, with the way out when the refusal asks for a
// fresh MFA sign-in (server/auth/step-up.ts).
import type { ActionState } from '@/server/http/define-server-action';
import { StepUpLink } from './step-up-link';

export function FormAlert({ state, signInAgain }: { state: ActionState; signInAgain: string }) {
  if (!state.error) return null;
  return (
    <div role="alert" className="mt-4 rounded border border-red-700 bg-red-50 p-3 text-red-900">
      <p>{state.error}</p>
      <StepUpLink reason={state.reason} label={signInAgain} />
    </div>
  );
}
