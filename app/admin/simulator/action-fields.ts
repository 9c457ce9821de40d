// The simulator forms' fields, one zod schema per form (the boundary of the server actions in actions.ts).
import { z } from 'zod';
import { parseAsOfDate } from '@/lib/conditional-access/method-availability';

/** An upload is read whole; a 200-policy export is about 0.4 MB, so 5 MB leaves room without inviting abuse. */
export const maxUploadBytes = 5 * 1024 * 1024;

const pasted = z.string().max(maxUploadBytes).optional();
const upload = z.file().max(maxUploadBytes).optional();

export const policySetFormFields = z.object({
  name: z.string().trim().min(1).max(120),
  policies: pasted,
  policiesFile: upload,
  namedLocations: pasted,
  namedLocationsFile: upload,
  authenticationStrengths: pasted,
  authenticationStrengthsFile: upload,
});

export const policyChangeFields = z.object({
  setId: z.string().min(1).max(64),
  baseVersion: z.coerce.number().int().positive(),
  comment: z.string().max(500).default(''),
  /** The set's "as of" date, carried back to the set after the save; anything that is not a date is dropped. */
  asOf: z
    .string()
    .max(10)
    .optional()
    .transform((value) => (value ? (parseAsOfDate(value) ?? undefined) : undefined)),
  policyJson: z.string().max(maxUploadBytes),
});

export const policyDeleteFields = policyChangeFields
  .omit({ policyJson: true })
  .extend({ policyId: z.string().min(1).max(64) });

/** A chosen file wins over pasted text; an empty file input (size 0) and blank text count as nothing. */
export async function uploadedText(text: string | undefined, file: File | undefined): Promise<string | undefined> {
  if (file && file.size > 0) return file.text();
  return text !== undefined && text.trim() !== '' ? text : undefined;
}
