// The pipeline's one error body (server/http/request-failure.ts), as a browser reads it: anything else is an
// unexpected answer, not something to show.
import { z } from 'zod';
import { appErrorCodes } from '../app-error';

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(appErrorCodes),
    message: z.string(),
    reason: z.string().optional(),
    path: z.string().optional(),
  }),
});
