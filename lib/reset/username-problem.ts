// Why a typed username was refused, so the start page can say what is wrong next to the field. Mirrors
// usernameSchema in server/reset/start-reset-session.ts (a UPN or email: name@domain, at most 256 characters).
export type UsernameProblem = 'empty' | 'tooLong' | 'missingAt' | 'format';

export function usernameProblem(value: string): UsernameProblem | null {
  const trimmed = value.trim();
  if (trimmed.length === 0) return 'empty';
  if (trimmed.length > 256) return 'tooLong';
  if (!trimmed.includes('@')) return 'missingAt';
  if (trimmed.length < 3 || !/^[^\s@]+@[^\s@]+$/.test(trimmed)) return 'format';
  return null;
}
