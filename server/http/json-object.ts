import 'server-only';
import { z } from 'zod';

/** A JSON object body whose fields the server function validates with its own schema. */
export const jsonObject = z.record(z.string(), z.unknown());
