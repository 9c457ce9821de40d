// Warnings an operator must see once when the portal starts. Without REDIS_URL the rate limits live in each
// process's memory: behind a load balancer "10 starts per account" becomes 10 per instance (issue 12,
// finding 7; ASVS5 6.3.1 asks for limits that hold). Development and tests run one process, so no warning.
import type { Config } from './config';

export function startupWarnings(config: Pick<Config, 'NODE_ENV' | 'REDIS_URL'>): string[] {
  const warnings: string[] = [];
  if (config.NODE_ENV === 'production' && !config.REDIS_URL)
    warnings.push(
      'REDIS_URL is not set: rate limits are kept per process. Run one instance, or set REDIS_URL so every ' +
        'instance shares one count.',
    );
  return warnings;
}
