// Stored JSON read back through a schema: text that is not JSON and values of the wrong shape are one
// AppError('INTERNAL', storedDataInvalid) with the source and the first bad path; the pipeline answers it with
// the common 500 body, without a stack trace or the stored text.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requestFailureOf, statusOf } from '../http/request-failure';
import { parseStoredJson, parseStoredValue, storedDataInvalidMessage } from './stored-json';

const schema = z.object({ userId: z.string(), tries: z.array(z.number()) });

function failureOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return 'no error';
}

describe('parseStoredJson', () => {
  it('returns the value when it has the shape', () => {
    expect(parseStoredJson(schema, '{"userId":"u1","tries":[1]}', 'Row.column')).toEqual({ userId: 'u1', tries: [1] });
  });

  it.each(['', '{"userId":', 'undefined', '{"userId":"u1"}x'])(
    'text that is not JSON (%j) is storedDataInvalid',
    (text) => {
      expect(failureOf(() => parseStoredJson(schema, text, 'Row.column'))).toMatchObject({
        name: 'AppError',
        code: 'INTERNAL',
        message: storedDataInvalidMessage,
        details: { reason: 'storedDataInvalid', source: 'Row.column' },
      });
    },
  );

  it('a value of the wrong shape names the first bad path', () => {
    expect(failureOf(() => parseStoredJson(schema, '{"userId":"u1","tries":[1,"2"]}', 'Row.column'))).toMatchObject({
      code: 'INTERNAL',
      details: { reason: 'storedDataInvalid', source: 'Row.column', storedPath: '$.tries[1]' },
    });
    expect(failureOf(() => parseStoredValue(schema, null, 'OutboxJob x'))).toMatchObject({
      details: { reason: 'storedDataInvalid', source: 'OutboxJob x', storedPath: '$' },
    });
  });

  it('the pipeline answers it as the common 500 body: no stored text, no path of the stored value', () => {
    const error = failureOf(() => parseStoredJson(schema, '{"secret":"s3cr3t"', 'Row.column'));
    const failure = requestFailureOf(error);
    expect(failure).toEqual({ code: 'INTERNAL', message: storedDataInvalidMessage, reason: 'storedDataInvalid' });
    expect(statusOf(failure)).toBe(500);
    expect(JSON.stringify(failure)).not.toContain('s3cr3t');
  });
});
