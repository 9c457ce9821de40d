// Mock-only secrets of the demo users: the demo password, Authenticator PINs, Windows Hello PINs,
// TOTP secrets, phone numbers for codes (fixtures/demo-credentials.json).
import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../lib/app-error';

const userCredentialsSchema = z.object({
  password: z.string().optional(),
  authenticatorPin: z.string().optional(),
  windowsHelloPin: z.string().optional(),
  totpSecret: z.string().optional(),
  smsPhone: z.string().optional(),
});

export const demoCredentialsSchema = z.object({
  defaultPassword: z.string().min(8),
  defaultAuthenticatorPin: z.string().default('1234'),
  defaultWindowsHelloPin: z.string().default('246810'),
  users: z.record(z.string(), userCredentialsSchema).default({}),
});

export type DemoCredentials = z.infer<typeof demoCredentialsSchema>;
export type UserCredentials = z.infer<typeof userCredentialsSchema>;

export function readDemoCredentials(file: string): DemoCredentials {
  try {
    return demoCredentialsSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (error) {
    throw new AppError('CONFIG_ERROR', `invalid demo credentials: ${String(error)}`, { source: file });
  }
}

export function credentialsOf(credentials: DemoCredentials, userPrincipalName: string): UserCredentials {
  return credentials.users[userPrincipalName.toLowerCase()] ?? {};
}
