import 'server-only';
// How the desk reaches the caller's Microsoft Authenticator. The console depends only on this interface:
// in development and tests it is the mock Entra's mock-only Graph API (graph-mock-push-channel.ts); for
// real Entra, plug in an implementation here (docs/service-desk.md, "Real Entra integration point").
import type { CallerPushStatus } from '../../lib/desk/push-outcome';

export type SentCallerPush = {
  /** The channel's id for the push, used to poll its status. */
  pushId: string;
  /** The two-digit number the agent reads to the caller, who types it in the app (number matching). */
  number: number;
  expiresAt: Date;
};

export type CallerPushChannel = {
  sendPush(input: { userId: string; appName: string; location: string }): Promise<SentCallerPush>;
  pushStatus(input: { userId: string; pushId: string }): Promise<CallerPushStatus>;
};
