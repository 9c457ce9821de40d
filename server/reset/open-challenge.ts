import 'server-only';
// A ceremony's challenge for a reset session (a passkey assertion, the Entra MFA round trip): the session's open
// challenge of that service is consumed and a new one written, in one transaction, so only the newest can answer.
import type { ResetDependencies } from './reset-dependencies';

export async function replaceOpenChallenge(
  deps: Pick<ResetDependencies, 'db'>,
  input: {
    resetSessionId: string;
    service: 'passkey' | 'entraMfa';
    now: Date;
    lifetimeSeconds: number;
    secrets: { nonce: string; stateHash?: string; codeVerifier?: string };
  },
): Promise<void> {
  const { resetSessionId, service, now } = input;
  await deps.db.$transaction([
    deps.db.verificationChallenge.updateMany({
      where: { resetSessionId, service, consumedAt: null },
      data: { consumedAt: now },
    }),
    deps.db.verificationChallenge.create({
      data: {
        id: crypto.randomUUID(),
        resetSessionId,
        service,
        ...input.secrets,
        createdAt: now,
        expiresAt: new Date(now.getTime() + input.lifetimeSeconds * 1000),
      },
    }),
  ]);
}
