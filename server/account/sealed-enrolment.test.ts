// The sealed state between an /account enrolment's offer and its confirmation: only the same user, inside the
// window, with the seal intact, gets the fields back; anything else is "this set-up has expired" (null).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openEnrolment, sealEnrolment } from './sealed-enrolment';

const fields = z.object({ challenge: z.string() });
const issued = new Date('2026-12-04T10:00:00Z');
const minutes = (n: number) => new Date(issued.getTime() + n * 60_000);
const windowMs = 5 * 60_000;

describe('sealed enrolment', () => {
  const sealed = sealEnrolment({ challenge: 'c-123' }, 'u-pradeep', issued);

  it('the same user inside the window gets the fields back', () => {
    expect(openEnrolment(fields, sealed, { userId: 'u-pradeep', now: minutes(5), windowMs })).toEqual({
      challenge: 'c-123',
    });
  });

  it('another user, a late confirmation, an altered seal or other fields give null', () => {
    expect(openEnrolment(fields, sealed, { userId: 'u-adele', now: minutes(1), windowMs })).toBeNull();
    expect(openEnrolment(fields, sealed, { userId: 'u-pradeep', now: minutes(5.01), windowMs })).toBeNull();
    const [version, iv, tag, body] = sealed.split('.');
    const altered = [version, iv, tag, `${body?.slice(0, -2)}AA`].join('.');
    expect(openEnrolment(fields, altered, { userId: 'u-pradeep', now: minutes(1), windowMs })).toBeNull();
    expect(openEnrolment(fields, 'not sealed', { userId: 'u-pradeep', now: minutes(1), windowMs })).toBeNull();
    const secretOnly = sealEnrolment({ secret: 'S' }, 'u-pradeep', issued);
    expect(openEnrolment(fields, secretOnly, { userId: 'u-pradeep', now: minutes(1), windowMs })).toBeNull();
  });

  it('the seal does not show the fields in the clear', () => {
    expect(sealed).not.toContain('c-123');
    expect(sealed).not.toContain('u-pradeep');
  });
});
