// `npm start` keeps working without Samba and says in one line how to add the hybrid demo; a configured
// AD_URL is the user's own directory and is left alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHybridDemo } from './hybrid-demo';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the hybrid part of npm start', () => {
  it('without Samba: one line naming the apt-get command, nothing started, cloud-only', async () => {
    const emptyPath = fs.mkdtempSync(path.join(os.tmpdir(), 'no-samba-'));
    vi.stubEnv('PATH', emptyPath);
    const lines: string[] = [];
    expect(await startHybridDemo(emptyPath, {}, (line) => lines.push(line))).toBeNull();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('apt-get install -y samba-ad-dc samba ldb-tools ldap-utils');
    expect(fs.existsSync(path.join(emptyPath, 'data'))).toBe(false);
  });

  it('leaves a configured AD_URL (the user’s own directory) or VERITY_HYBRID_DEMO=0 alone', async () => {
    const lines: string[] = [];
    expect(await startHybridDemo('/nonexistent', { AD_URL: 'ldaps://dc1:636' }, (line) => lines.push(line))).toBeNull();
    expect(await startHybridDemo('/nonexistent', { VERITY_HYBRID_DEMO: '0' }, (line) => lines.push(line))).toBeNull();
    expect(lines).toEqual([]);
  });
});
