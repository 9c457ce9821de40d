import { describe, expect, it } from 'vitest';
import { startupWarnings } from './startup-warnings';

describe('startup warnings (issue 12, finding 7)', () => {
  it('production without REDIS_URL warns once that limits are per process', () => {
    const warnings = startupWarnings({ NODE_ENV: 'production', REDIS_URL: undefined });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/REDIS_URL is not set: rate limits are kept per process/);
  });

  it('no warning with REDIS_URL, nor in development', () => {
    expect(startupWarnings({ NODE_ENV: 'production', REDIS_URL: 'redis://127.0.0.1:6379' })).toEqual([]);
    expect(startupWarnings({ NODE_ENV: 'development', REDIS_URL: undefined })).toEqual([]);
  });
});
