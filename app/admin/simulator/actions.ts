'use server';
// Server actions of the simulator pages, each through the pipeline (server/http/define-server-action.ts):
// origin, Portal.Admin, the form's fields with zod, one server function, then a redirect or the form's alert.
import { z } from 'zod';
import { defineServerAction } from '@/server/http/define-server-action';
import { demoPolicyDocuments } from '@/server/simulator/demo-policy-documents';
import { importPolicySetFromGraphForAdmin } from '@/server/simulator/graph-policy-import';
import { importPolicySetForAdmin, savePolicyChangeForAdmin } from '@/server/simulator/policy-set-admin';
import { policySetFormFields, policyChangeFields, policyDeleteFields, uploadedText } from './action-fields';

const admin = { roles: ['Portal.Admin'] } as const;

export const importPolicySetAction = defineServerAction({
  name: 'admin.simulator.import',
  page: '/admin/simulator',
  access: admin,
  fields: policySetFormFields,
  invalidInputKey: (path) => (path === 'name' ? 'simulator.import.nameRequired' : 'simulator.import.fileTooLarge'),
  handle: async (context, form) => {
    const created = await importPolicySetForAdmin(context, {
      name: form.name,
      policies: (await uploadedText(form.policies, form.policiesFile)) ?? '',
      namedLocations: await uploadedText(form.namedLocations, form.namedLocationsFile),
      authenticationStrengths: await uploadedText(form.authenticationStrengths, form.authenticationStrengthsFile),
    });
    return { redirectTo: `/admin/simulator/${created.id}` };
  },
});

export const fetchFromGraphAction = defineServerAction({
  name: 'admin.simulator.graphImport',
  page: '/admin/simulator',
  access: admin,
  fields: z.object({ name: policySetFormFields.shape.name }),
  invalidInputKey: () => 'simulator.import.nameRequired',
  handle: async (context, form) => {
    const created = await importPolicySetFromGraphForAdmin(context, form.name);
    return { redirectTo: `/admin/simulator/${created.id}` };
  },
});

export const savePolicyAction = defineServerAction({
  name: 'admin.simulator.savePolicy',
  page: '/admin/simulator',
  access: admin,
  fields: policyChangeFields,
  invalidInputKey: () => 'simulator.editor.formIncomplete',
  handle: async (context, form) => {
    const saved = await savePolicyChangeForAdmin(
      context,
      form.setId,
      form.baseVersion,
      { kind: 'upsert', policyJson: form.policyJson },
      form.comment,
    );
    return { redirectTo: `/admin/simulator/${form.setId}?v=${saved.version}&saved=1` };
  },
});

export const deletePolicyAction = defineServerAction({
  name: 'admin.simulator.deletePolicy',
  page: '/admin/simulator',
  access: admin,
  fields: policyDeleteFields,
  invalidInputKey: () => 'simulator.editor.formIncomplete',
  handle: async (context, form) => {
    const saved = await savePolicyChangeForAdmin(
      context,
      form.setId,
      form.baseVersion,
      { kind: 'delete', policyId: form.policyId },
      form.comment,
    );
    return { redirectTo: `/admin/simulator/${form.setId}?v=${saved.version}&saved=1` };
  },
});

/** "Load the demo policies": the demo tenant's policies, named locations and authentication strengths as a new
 * set, so an empty simulator is one click from something to explore. */
export const loadDemoPoliciesAction = defineServerAction({
  name: 'admin.simulator.loadDemo',
  page: '/admin/simulator',
  access: admin,
  fields: z.object({}),
  invalidInputKey: () => 'simulator.import.nameRequired',
  handle: async (context) => {
    const created = await importPolicySetForAdmin(context, {
      name: context.translator.t('simulator.home.demoSetName'),
      ...(await demoPolicyDocuments()),
    });
    return { redirectTo: `/admin/simulator/${created.id}` };
  },
});
