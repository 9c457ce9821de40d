'use server';
// Server actions of the simulator pages, each through the pipeline (server/http/define-server-action.ts):
// origin, Portal.Admin, the form's fields with zod, one server function, then a redirect or the form's alert.
import { z } from 'zod';
import type { PortalContext } from '@/server/context/portal-context';
import { defineServerAction } from '@/server/http/define-server-action';
import { demoPolicyDocuments } from '@/server/simulator/demo-policy-documents';
import { importPolicySetFromGraphForAdmin } from '@/server/simulator/graph-policy-import';
import {
  importPolicySetForAdmin,
  savePolicyChangeForAdmin,
  type PolicyChange,
} from '@/server/simulator/policy-set-admin';
import { setViewHref } from '@/lib/simulator/set-links';
import { policySetFormFields, policyChangeFields, policyDeleteFields, uploadedText } from './action-fields';

const admin = { roles: ['Portal.Admin'] } as const;

/** What the three ways of creating a set share: the simulator's home page, Portal.Admin, then to the new set. */
const newSet = { page: '/admin/simulator', access: admin } as const;
const toNewSet = (created: { id: string }) => ({ redirectTo: `/admin/simulator/${created.id}` });

export const importPolicySetAction = defineServerAction({
  name: 'admin.simulator.import',
  ...newSet,
  fields: policySetFormFields,
  invalidInputKey: (path) => (path === 'name' ? 'simulator.import.nameRequired' : 'simulator.import.fileTooLarge'),
  handle: async (context, form) => {
    const created = await importPolicySetForAdmin(context, {
      name: form.name,
      policies: (await uploadedText(form.policies, form.policiesFile)) ?? '',
      namedLocations: await uploadedText(form.namedLocations, form.namedLocationsFile),
      authenticationStrengths: await uploadedText(form.authenticationStrengths, form.authenticationStrengthsFile),
    });
    return toNewSet(created);
  },
});

export const fetchFromGraphAction = defineServerAction({
  name: 'admin.simulator.graphImport',
  ...newSet,
  fields: z.object({ name: policySetFormFields.shape.name }),
  invalidInputKey: () => 'simulator.import.nameRequired',
  handle: async (context, form) => toNewSet(await importPolicySetFromGraphForAdmin(context, form.name)),
});

/** What saving and deleting a policy share: the editor's page and alert, one new version, back to the set. */
const policyEditor = {
  page: '/admin/simulator',
  access: admin,
  invalidInputKey: () => 'simulator.editor.formIncomplete',
} as const;

async function saveChange(
  context: PortalContext,
  form: { setId: string; baseVersion: number; comment: string; asOf?: string },
  change: PolicyChange,
) {
  const saved = await savePolicyChangeForAdmin(context, form.setId, form.baseVersion, change, form.comment);
  return { redirectTo: setViewHref(form.setId, '', { version: saved.version, asOf: form.asOf }, { saved: '1' }) };
}

export const savePolicyAction = defineServerAction({
  ...policyEditor,
  name: 'admin.simulator.savePolicy',
  fields: policyChangeFields,
  handle: (context, form) => saveChange(context, form, { kind: 'upsert', policyJson: form.policyJson }),
});

export const deletePolicyAction = defineServerAction({
  ...policyEditor,
  name: 'admin.simulator.deletePolicy',
  fields: policyDeleteFields,
  handle: (context, form) => saveChange(context, form, { kind: 'delete', policyId: form.policyId }),
});

/** "Load the demo policies": the demo tenant's policies, named locations and authentication strengths as a new
 * set, so an empty simulator is one click from something to explore. */
export const loadDemoPoliciesAction = defineServerAction({
  name: 'admin.simulator.loadDemo',
  ...newSet,
  fields: z.object({}),
  invalidInputKey: () => 'simulator.import.nameRequired',
  handle: async (context) => {
    const created = await importPolicySetForAdmin(context, {
      name: context.translator.t('simulator.home.demoSetName'),
      ...(await demoPolicyDocuments()),
    });
    return toNewSet(created);
  },
});
