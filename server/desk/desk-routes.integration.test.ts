// The desk's route handlers through the pipeline (issue 13 edge findings): the event stream refuses a wrong
// role with a 403 instead of a 200 carrying an error event, and another agent reading a case gets a 403
// with nothing refreshed or audited under their name, while the denial itself is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as openCaseRoute } from '../../app/api/desk/cases/route';
import { GET as caseRoute } from '../../app/api/desk/cases/[caseId]/route';
import { GET as eventsRoute } from '../../app/api/desk/cases/[caseId]/events/route';
import { POST as pushRoute } from '../../app/api/desk/cases/[caseId]/push/route';
import { testActors, testAppOrigin, testServices, testWiring } from '../context/test-services';
import { createTestDatabase, type TestDatabase } from '../database/test-database';
import { z } from 'zod';

let testDb: TestDatabase;
let kit: ReturnType<typeof testServices>;
let caseId: string;

const headers = { 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' };
const segment = (id: string) => ({ params: Promise.resolve({ caseId: id }) });

beforeAll(async () => {
  testDb = await createTestDatabase();
  kit = testServices(testDb.db);
  const wiring = testWiring(kit.services, testActors.agent);
  const opened = await openCaseRoute.run(
    new Request(`${testAppOrigin}/api/desk/cases`, { method: 'POST', headers, body: '{"userId":"u-pradeep"}' }),
    undefined,
    wiring,
  );
  expect(opened.status).toBe(200);
  caseId = z.object({ caseId: z.string() }).parse(await opened.json()).caseId;
  const pushed = await pushRoute.run(
    new Request(`${testAppOrigin}/api/desk/cases/${caseId}/push`, { method: 'POST', headers }),
    segment(caseId),
    wiring,
  );
  expect(pushed.status).toBe(200);
});
afterAll(async () => {
  await testDb?.drop();
});

describe('desk routes through the pipeline', () => {
  it('the event stream answers 403 with the common body to a wrong role, and audits the denial', async () => {
    const response = await eventsRoute.run(
      new Request(`${testAppOrigin}/api/desk/cases/${caseId}/events`),
      segment(caseId),
      testWiring(kit.services, testActors.noRole),
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toMatchObject({ error: { code: 'FORBIDDEN', reason: 'missingRole' } });
    const denied = await testDb.db.auditEvent.findMany({ where: { action: 'desk.case.events.denied' } });
    expect(denied.map((entry) => entry.actorId)).toContain(testActors.noRole.oid);
  });

  it('the event stream refuses another agent’s case with a 403 before streaming', async () => {
    const response = await eventsRoute.run(
      new Request(`${testAppOrigin}/api/desk/cases/${caseId}/events`),
      segment(caseId),
      testWiring(kit.services, testActors.otherAgent),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { reason: 'notCaseAgent' } });
  });

  it('another agent reading a case: 403, no refresh audited under them, the denial audited', async () => {
    // The caller approved on the phone: a refresh would now record that, and audit it, under the reader.
    kit.push.answer('approved');
    const response = await caseRoute.run(
      new Request(`${testAppOrigin}/api/desk/cases/${caseId}`),
      segment(caseId),
      testWiring(kit.services, testActors.otherAgent),
    );
    expect(response.status).toBe(403);
    const underOther = await testDb.db.auditEvent.findMany({ where: { actorId: testActors.otherAgent.oid } });
    expect(underOther.map((entry) => `${entry.action}:${entry.outcome}`)).toEqual(
      expect.arrayContaining(['desk.case.read.denied:denied']),
    );
    expect(underOther.filter((entry) => entry.outcome !== 'denied')).toEqual([]);
    const pending = await testDb.db.deskVerification.findMany({ where: { caseId, status: 'pending' } });
    expect(pending).toHaveLength(1);
  });
});
