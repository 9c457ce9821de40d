'use server';
// Server actions of the simulator pages: parse the form with zod, call one server function (which checks the
// Portal.Admin role itself), then redirect or return the error message for the form's alert.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { AppError, isAppError } from '@/lib/app-error';
import { requestMessages } from '@/server/i18n/request-messages';
import { importPolicySetFromGraphForAdmin } from '@/server/simulator/graph-policy-import';
import { importPolicySetForAdmin, savePolicyChangeForAdmin } from '@/server/simulator/policy-set-admin';

export type FormState = { error?: string; path?: string };

const maxUploadBytes = 5 * 1024 * 1024;

async function textOf(form: FormData, field: string): Promise<string | undefined> {
  const file = form.get(`${field}File`);
  if (file instanceof File && file.size > 0) {
    if (file.size > maxUploadBytes)
      throw new AppError('INVALID_INPUT', `${field}: the file is larger than ${maxUploadBytes / 1024 / 1024} MB`, {
        source: field,
        path: '$',
      });
    return file.text();
  }
  const text = form.get(field);
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}

function failure(error: unknown): FormState {
  if (isAppError(error)) return { error: error.message, path: error.details.path };
  throw error;
}

const nameSchema = z.string().trim().min(1).max(120);

async function localized(key: string, path?: string): Promise<FormState> {
  const { t } = await requestMessages();
  return { error: t(key), path };
}

export async function importPolicySetAction(_previous: FormState, form: FormData): Promise<FormState> {
  const name = nameSchema.safeParse(form.get('name'));
  if (!name.success) return localized('simulator.import.nameRequired', 'name');
  let created: { id: string };
  try {
    created = await importPolicySetForAdmin({
      name: name.data,
      policies: (await textOf(form, 'policies')) ?? '',
      namedLocations: await textOf(form, 'namedLocations'),
      authenticationStrengths: await textOf(form, 'authenticationStrengths'),
    });
  } catch (error) {
    return failure(error);
  }
  redirect(`/admin/simulator/${created.id}`);
}

export async function fetchFromGraphAction(_previous: FormState, form: FormData): Promise<FormState> {
  const name = nameSchema.safeParse(form.get('name'));
  if (!name.success) return localized('simulator.import.nameRequired', 'name');
  let created: { id: string };
  try {
    created = await importPolicySetFromGraphForAdmin(name.data);
  } catch (error) {
    return failure(error);
  }
  redirect(`/admin/simulator/${created.id}`);
}

const changeSchema = z.object({
  setId: z.string().min(1).max(64),
  baseVersion: z.coerce.number().int().positive(),
  comment: z.string().max(500).default(''),
});

export async function savePolicyAction(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = changeSchema.safeParse({
    setId: form.get('setId'),
    baseVersion: form.get('baseVersion'),
    comment: form.get('comment') ?? '',
  });
  const policyJson = form.get('policyJson');
  if (!parsed.success || typeof policyJson !== 'string') return localized('simulator.editor.formIncomplete');
  let saved: { version: number };
  try {
    saved = await savePolicyChangeForAdmin(
      parsed.data.setId,
      parsed.data.baseVersion,
      { kind: 'upsert', policyJson },
      parsed.data.comment,
    );
  } catch (error) {
    return failure(error);
  }
  redirect(`/admin/simulator/${parsed.data.setId}?v=${saved.version}&saved=1`);
}

export async function deletePolicyAction(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = changeSchema.extend({ policyId: z.string().min(1).max(64) }).safeParse({
    setId: form.get('setId'),
    baseVersion: form.get('baseVersion'),
    comment: form.get('comment') ?? '',
    policyId: form.get('policyId'),
  });
  if (!parsed.success) return localized('simulator.editor.formIncomplete');
  let saved: { version: number };
  try {
    saved = await savePolicyChangeForAdmin(
      parsed.data.setId,
      parsed.data.baseVersion,
      { kind: 'delete', policyId: parsed.data.policyId },
      parsed.data.comment,
    );
  } catch (error) {
    return failure(error);
  }
  redirect(`/admin/simulator/${parsed.data.setId}?v=${saved.version}&saved=1`);
}
