// Acceptance of issue 3: for every cell of the engine's comparison matrix on the demo tenant, the
// mock's real sign-in (HTTP, the same pages a browser uses) ends as the engine predicted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComparisonMatrix } from '../lib/conditional-access/comparison-matrix';
import { createHttpClient } from './http/https-client';
import { runScriptedSignIn, type ScriptedSignInOutcome } from './control/scripted-sign-in';
import type { RunningMockIdp } from './start-mock-idp';
import { effectiveMethodsOf } from './methods/sign-in-methods';
import { createTemporaryAccessPass } from './methods/temporary-access-pass';
import { demoPassword, portalClient, resetClient, startTestMockIdp, tenantId, testClient } from './test-support';

let mock: RunningMockIdp;
beforeAll(async () => {
  mock = await startTestMockIdp();
  await createHttpClient(mock.caCert).request(`${mock.url}/control/reset`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
});
afterAll(async () => {
  await mock.stop();
});

// How the mock's pages end, in the engine's words. A page refusing a method the user has not
// registered (scripted outcome "failed") is the engine's "unavailable".
const asEngineOutcome: Record<ScriptedSignInOutcome, string> = {
  granted: 'granted',
  interrupted: 'interrupted',
  restartRequired: 'interrupted',
  registrationRequired: 'interrupted',
  blocked: 'blocked',
  unavailable: 'unavailable',
  failed: 'unavailable',
};

describe('the mock agrees with the engine on every comparison-matrix cell of the demo tenant', () => {
  it('for every user, app, standard flow and network', async () => {
    const { mock: idp } = mock;
    const gate = idp.conditionalAccess;
    if (!gate.engine?.buildComparisonMatrix) throw new Error('engine without buildComparisonMatrix');
    // Everyone gets a usable one-time TAP so the TAP row is exercised, re-issued before each use.
    const issueTap = (userId: string) =>
      createTemporaryAccessPass(idp.store, userId, { lifetimeInMinutes: 60, isUsableOnce: true }, Date.now()).pass;
    for (const user of idp.tenant.document.users) issueTap(user.id);

    const mismatches: string[] = [];
    let compared = 0;
    let skipped = 0;
    let signIns = 0;
    for (const app of [portalClient, resetClient, testClient]) {
      for (const user of idp.tenant.document.users) {
        issueTap(user.id);
        const request = gate.whatIfRequestFor({
          userId: user.id,
          appId: app.clientId,
          clientIp: '192.0.2.1',
          clientAppType: 'browser',
        });
        const matrix = gate.engine.buildComparisonMatrix(gate.compiled(idp.tenant), request) as ComparisonMatrix;
        for (const row of matrix.rows) {
          for (const [index, cell] of row.cells.entries()) {
            const scenario = matrix.scenarios[index];
            // A forgotten password only changes flows that type it; those cannot be replayed by a
            // sign-in (the mock cannot forget), and FIDO2 needs a browser authenticator (e2e covers it).
            if (
              !scenario?.ipAddress ||
              cell.outcome === 'notApplicable' ||
              row.flow.methods.includes('fido2') ||
              (scenario.passwordForgotten && row.flow.methods.includes('password'))
            ) {
              skipped += 1;
              continue;
            }
            // A flow with a method the user has not registered cannot be followed: the engine must
            // say so, and the mock's refusal of unregistered methods is tested in sign-in-flows.test.ts.
            const pass = row.flow.methods.includes('temporaryAccessPassOneTime') ? issueTap(user.id) : undefined;
            const registered = effectiveMethodsOf(idp.store, user, Date.now());
            if (row.flow.methods.some((m) => !registered.includes(m))) {
              compared += 1;
              if (cell.outcome !== 'unavailable')
                mismatches.push(
                  `${user.userPrincipalName} ${row.flow.id}: unregistered method but engine says ${cell.outcome}`,
                );
              continue;
            }
            const result = await runScriptedSignIn(mock.url, mock.caCert, {
              tenant: tenantId,
              ...app,
              userPrincipalName: user.userPrincipalName,
              methods: [...row.flow.methods],
              password: demoPassword,
              temporaryAccessPass: pass,
              windowsHelloPin: '246810',
              clientIp: scenario.ipAddress,
              exchangeCode: false,
            });
            compared += 1;
            signIns += 1;
            const actual = asEngineOutcome[result.outcome];
            if (actual !== cell.outcome) {
              mismatches.push(
                `${user.userPrincipalName} ${app.clientId.slice(-2)} ${row.flow.id} ${scenario.id}: engine ${cell.outcome}, mock ${result.outcome}${result.message ? ` (${result.message})` : ''}`,
              );
            }
          }
        }
      }
    }
    process.stdout.write(
      `consistency: ${compared} cells compared (${signIns} by a real sign-in), ${skipped} skipped\n`,
    );
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  }, 240_000);
});
