import 'server-only';
// The reset functions' dependencies for the route handlers: production wiring by default; integration
// tests that call the real route handlers install theirs with `overrideResetDependencies`.
import type { ResetDependencies } from '../reset-dependencies';
import { defaultResetDependencies } from '../default-reset-dependencies';

const holder = globalThis as typeof globalThis & {
  verityResetDependencies?: ResetDependencies;
  verityResetOverride?: ResetDependencies;
};

export function resetDependencies(): ResetDependencies {
  if (holder.verityResetOverride) return holder.verityResetOverride;
  holder.verityResetDependencies ??= defaultResetDependencies();
  return holder.verityResetDependencies;
}

export function overrideResetDependencies(deps: ResetDependencies | undefined): void {
  holder.verityResetOverride = deps;
}
