// The policy editor offers only values the schema accepts (the types check it too; this proves it at run time,
// where a policy saved from the editor is parsed), and each list has no repeats.
import { describe, expect, it } from 'vitest';
import {
  builtInControlSchema,
  clientAppTypeSchema,
  devicePlatformSchema,
  editableValues,
  riskLevelSchema,
} from './policy-schema';

describe('editableValues', () => {
  it('each value is one the schema accepts, once', () => {
    const pairs = [
      [editableValues.platforms, devicePlatformSchema],
      [editableValues.clientAppTypes, clientAppTypeSchema],
      [editableValues.riskLevels, riskLevelSchema],
      [editableValues.grantControls, builtInControlSchema],
    ] as const;
    for (const [values, schema] of pairs) {
      for (const value of values) expect(schema.safeParse(value).success, value).toBe(true);
      expect(new Set(values).size).toBe(values.length);
    }
  });
});
