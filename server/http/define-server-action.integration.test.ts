// Server actions go through the same pipeline as route handlers (issue 13): origin (a cross-origin call is
// refused, not a 500), actor and role before the form is read, zod on the form, one server function, AppError to
// a typed state, every denial audited. Driven through the simulator's real actions against a real database.
import { beforeEach, describe, expect, it } from 'vitest';
import demoExport from '../../fixtures/demo-policies-export.json';
import {
  deletePolicyAction,
  fetchFromGraphAction,
  importPolicySetAction,
  savePolicyAction,
} from '../../app/admin/simulator/actions';
import { setUpTestDatabase } from '../database/set-up-test-database';
import { testActors, testServices, testWiring } from '../context/test-services';
import type { PortalActor, PortalServices } from '../context/portal-context';

const testDb = setUpTestDatabase();
let services: PortalServices;

beforeEach(() => {
  services = testServices(testDb.db).services;
});

const sameOrigin = { 'sec-fetch-site': 'same-origin' };

function form(fields: Record<string, string | File>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

function importForm(name = 'Contoso export'): FormData {
  return form({ name, policies: JSON.stringify(demoExport), policiesFile: new File([], '') });
}

const run = (
  action: typeof importPolicySetAction,
  data: FormData,
  actor: PortalActor | null,
  headers: Record<string, string> = sameOrigin,
) => action.run(data, new Headers(headers), testWiring(services, actor));

describe('a server action runs origin, role, zod, one server function, in that order', () => {
  it('a cross-site call is refused with the crossSite reason and audited, nothing is stored', async () => {
    const before = await testDb.db.policySet.count();
    const outcome = await run(importPolicySetAction, importForm(), testActors.admin, {
      'sec-fetch-site': 'cross-site',
    });
    expect(outcome).toEqual({ state: { error: expect.any(String), reason: 'crossSite' } });
    expect(await testDb.db.policySet.count()).toBe(before);
    const denied = await testDb.db.auditEvent.findMany({ where: { action: 'admin.simulator.import.denied' } });
    expect(denied.at(-1)).toMatchObject({ outcome: 'denied', actorId: null });
  });

  it('a call without Origin and without fetch metadata is refused (Next lets it through)', async () => {
    const outcome = await run(savePolicyAction, form({}), testActors.admin, {});
    expect(outcome).toMatchObject({ state: { reason: 'crossSite' } });
  });

  it('another origin in the Origin header is refused', async () => {
    const outcome = await run(deletePolicyAction, form({}), testActors.admin, { origin: 'https://evil.example' });
    expect(outcome).toMatchObject({ state: { reason: 'crossSite' } });
  });

  it('signed out → signedOut, another role → missingRole, both before the form is parsed, both audited', async () => {
    expect(await run(savePolicyAction, form({}), null)).toMatchObject({ state: { reason: 'signedOut' } });
    expect(await run(fetchFromGraphAction, form({}), testActors.agent)).toMatchObject({
      state: { reason: 'missingRole' },
    });
    const denied = await testDb.db.auditEvent.findMany({ where: { action: 'admin.simulator.graphImport.denied' } });
    expect(denied.at(-1)).toMatchObject({ actorId: testActors.agent.oid });
  });

  it('the pipeline’s own refusals are told in the request’s language, not in English', async () => {
    const french = { ...sameOrigin, 'accept-language': 'fr-FR' };
    expect(await run(savePolicyAction, form({}), null, french)).toEqual({
      state: { error: 'Connectez-vous pour continuer.', reason: 'signedOut' },
    });
    const wrongRole = await run(fetchFromGraphAction, form({}), testActors.agent, french);
    expect(wrongRole).toMatchObject({ state: { reason: 'missingRole' } });
    expect('state' in wrongRole ? wrongRole.state.error : '').toMatch(/^Votre compte n’a pas le rôle/);
    const crossSite = await run(importPolicySetAction, importForm(), testActors.admin, {
      'sec-fetch-site': 'cross-site',
      'accept-language': 'fr-FR',
    });
    expect('state' in crossSite ? crossSite.state.error : '').toMatch(/^Cette demande ne vient pas/);
  });

  it('an invalid form is the form’s own message in the request’s language, with the field', async () => {
    const outcome = await run(importPolicySetAction, form({ name: '   ' }), testActors.admin, {
      ...sameOrigin,
      'accept-language': 'fr-FR',
    });
    expect(outcome).toEqual({
      state: {
        error: 'Donnez un nom au jeu de stratégies (1 à 120 caractères).',
        reason: 'invalidInput',
        path: 'name',
      },
    });
  });

  it('a valid import calls the server function once and redirects to the new set, stored under the actor', async () => {
    const outcome = await run(importPolicySetAction, importForm(), testActors.admin);
    expect(outcome).toEqual({ redirectTo: expect.stringMatching(/^\/admin\/simulator\/[\w-]+$/) });
    const id = 'redirectTo' in outcome ? outcome.redirectTo.split('/').at(-1) : '';
    const stored = await testDb.db.policySet.findUniqueOrThrow({ where: { id } });
    expect(stored.name).toBe('Contoso export');
    const audit = await testDb.db.auditEvent.findMany({
      where: { action: 'simulator.policySet.import', subjectId: id },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorId).toBe(testActors.admin.oid);
  });

  it('an AppError from the server function is a typed state with its reason and path', async () => {
    const bad = form({ name: 'Broken', policies: '{"value": [{"state": "sometimes"}]}' });
    const outcome = await run(importPolicySetAction, bad, testActors.admin);
    expect(outcome).toMatchObject({ state: { error: expect.any(String), reason: 'invalidInput' } });
  });

  it('saving on a stale version is a conflict, not an overwrite', async () => {
    const created = await run(importPolicySetAction, importForm('Versions'), testActors.admin);
    const setId = 'redirectTo' in created ? (created.redirectTo.split('/').at(-1) ?? '') : '';
    const policyId = demoExport.value[0]?.id ?? '';
    const deleted = await run(
      deletePolicyAction,
      form({ setId, baseVersion: '1', policyId, comment: '' }),
      testActors.admin,
    );
    expect(deleted).toEqual({ redirectTo: `/admin/simulator/${setId}?v=2&saved=1` });
    const stale = await run(deletePolicyAction, form({ setId, baseVersion: '1', policyId }), testActors.admin);
    expect(stale).toMatchObject({ state: { reason: 'conflict' } });
  });

  it('the set\'s "as of" date comes back with the page after a save (a non-date is dropped)', async () => {
    const created = await run(importPolicySetAction, importForm('Dated'), testActors.admin);
    const setId = 'redirectTo' in created ? (created.redirectTo.split('/').at(-1) ?? '') : '';
    const [first, second] = demoExport.value;
    const deleted = await run(
      deletePolicyAction,
      form({ setId, baseVersion: '1', policyId: first?.id ?? '', asOf: '2027-02-01' }),
      testActors.admin,
    );
    expect(deleted).toEqual({ redirectTo: `/admin/simulator/${setId}?v=2&saved=1&asOf=2027-02-01` });
    const notADate = await run(
      deletePolicyAction,
      form({ setId, baseVersion: '2', policyId: second?.id ?? '', asOf: '2027-02-30' }),
      testActors.admin,
    );
    expect(notADate).toEqual({ redirectTo: `/admin/simulator/${setId}?v=3&saved=1` });
  });
});
