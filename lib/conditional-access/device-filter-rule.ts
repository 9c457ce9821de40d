// Parser and evaluator for the "filter for devices" rule syntax (concept-condition-filters-for-devices), the
// documented subset of the dynamic membership rule grammar: -eq -ne -startsWith -notStartsWith -endsWith
// -notEndsWith -contains -notContains -in -notIn, -and -or -not, parentheses, on the documented properties.
// Hand-written: no maintained npm package parses this grammar, and it is small (about 150 lines) and total.
import { isOneOf } from '../is-one-of';

export type DeviceAttributes = Readonly<Record<string, unknown>>;
export type DeviceFilterPredicate = (device: DeviceAttributes | null | undefined) => boolean;
export type DeviceFilterRule = { evaluate: DeviceFilterPredicate; properties: readonly string[] };

export class DeviceFilterSyntaxError extends Error {}

// Documented property -> key in Graph's What-If deviceInfo. Matching is case-insensitive like Entra's.
const propertyKeys: Record<string, string> = {
  deviceid: 'deviceId',
  displayname: 'displayName',
  deviceownership: 'ownership',
  enrollmentprofilename: 'enrollmentProfileName',
  iscompliant: 'isCompliant',
  manufacturer: 'manufacturer',
  mdmappid: 'mdmAppId',
  model: 'model',
  operatingsystem: 'operatingSystem',
  operatingsystemversion: 'operatingSystemVersion',
  physicalids: 'physicalIds',
  devicephysicalids: 'physicalIds',
  profiletype: 'profileType',
  systemlabels: 'systemLabels',
  trusttype: 'trustType',
};
for (let i = 1; i <= 15; i++) propertyKeys[`extensionattribute${i}`] = `extensionAttribute${i}`;

const operators = [
  'eq',
  'ne',
  'startswith',
  'notstartswith',
  'endswith',
  'notendswith',
  'contains',
  'notcontains',
  'in',
  'notin',
] as const;
type Operator = (typeof operators)[number];
// Negative operators hold for a missing (null) attribute: an unregistered device has only null properties and
// "the configured filter rule would apply" with a negative operator (concept-condition-filters-for-devices).
const negativeOperators: ReadonlySet<Operator> = new Set([
  'ne',
  'notstartswith',
  'notendswith',
  'notcontains',
  'notin',
]);

type Token = { kind: 'op' | 'word' | 'string' | 'punct'; text: string; at: number };
const maxDepth = 64;

function tokenize(rule: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < rule.length) {
    const c = rule[i] ?? '';
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if ('()[],'.includes(c)) {
      tokens.push({ kind: 'punct', text: c, at: i });
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let value = '';
      let j = i + 1;
      while (j < rule.length && rule[j] !== c) {
        if (rule[j] === '\\' && j + 1 < rule.length) j++;
        value += rule[j];
        j++;
      }
      if (j >= rule.length) throw new DeviceFilterSyntaxError(`unterminated string starting at character ${i + 1}`);
      tokens.push({ kind: 'string', text: value, at: i });
      i = j + 1;
      continue;
    }
    const word = /^(-[A-Za-z]+|==|!=|[A-Za-z0-9_.\-]+)/.exec(rule.slice(i));
    if (!word) throw new DeviceFilterSyntaxError(`unexpected "${c}" at character ${i + 1}`);
    const text = word[0];
    const kind =
      text.startsWith('-') && /^-[A-Za-z]+$/.test(text) ? 'op' : text === '==' || text === '!=' ? 'op' : 'word';
    tokens.push({ kind, text: kind === 'op' ? text.replace(/^-/, '').toLowerCase() : text, at: i });
    i += text.length;
  }
  return tokens;
}

const lower = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value).toLowerCase();

function compare(operator: Operator, actual: unknown, expected: readonly string[]): boolean {
  if (actual === null || actual === undefined) return negativeOperators.has(operator);
  if (Array.isArray(actual)) {
    // Collections (physicalIds, systemLabels): Contains matches a whole element (concept-condition-filters-for-devices).
    const has = actual.some((item) => lower(item) === expected[0]);
    return operator === 'notcontains' ? !has : has;
  }
  const value = lower(actual) ?? '';
  const first = expected[0] ?? '';
  switch (operator) {
    case 'eq':
      return value === first;
    case 'ne':
      return value !== first;
    case 'startswith':
      return value.startsWith(first);
    case 'notstartswith':
      return !value.startsWith(first);
    case 'endswith':
      return value.endsWith(first);
    case 'notendswith':
      return !value.endsWith(first);
    case 'contains':
      return value.includes(first);
    case 'notcontains':
      return !value.includes(first);
    case 'in':
      return expected.includes(value);
    case 'notin':
      return !expected.includes(value);
  }
}

/** Parses a rule; throws DeviceFilterSyntaxError with a one-line reason when it is outside the supported syntax. */
export function parseDeviceFilterRule(rule: string): DeviceFilterRule {
  const tokens = tokenize(rule);
  const properties = new Set<string>();
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const fail = (what: string): never => {
    const token = peek();
    throw new DeviceFilterSyntaxError(token ? `${what} at character ${token.at + 1}` : `${what} at end of rule`);
  };

  const parseValues = (): { values: string[]; isList: boolean } => {
    const token = peek();
    if (token?.kind === 'string' || (token?.kind === 'word' && /^(true|false|\d+)$/i.test(token.text))) {
      pos++;
      return { values: [token.text.toLowerCase()], isList: false };
    }
    if (token?.kind === 'punct' && token.text === '[') {
      pos++;
      const values: string[] = [];
      while (peek()?.text !== ']') {
        const item = peek();
        if (item?.kind !== 'string') return fail('expected a quoted string in the list');
        values.push(item.text.toLowerCase());
        pos++;
        if (peek()?.text === ',') pos++;
        else if (peek()?.text !== ']') fail('expected "," or "]"');
      }
      pos++;
      return { values, isList: true };
    }
    return fail('expected a quoted value or a [list]');
  };

  const parseComparison = (): DeviceFilterPredicate => {
    const token = peek();
    const match = token?.kind === 'word' ? /^device\.([A-Za-z0-9]+)$/i.exec(token.text) : null;
    const key = match ? propertyKeys[(match[1] ?? '').toLowerCase()] : undefined;
    if (!key) return fail(`expected a supported device property (e.g. device.trustType)`);
    properties.add(key);
    pos++;
    const opToken = peek();
    const opText =
      opToken?.kind === 'op' ? (opToken.text === '==' ? 'eq' : opToken.text === '!=' ? 'ne' : opToken.text) : '';
    if (!isOneOf(operators, opText)) return fail('expected an operator such as -eq, -startsWith or -in');
    const operator = opText;
    pos++;
    const { values, isList } = parseValues();
    const wantsList = operator === 'in' || operator === 'notin';
    if (wantsList && !isList) {
      pos--;
      fail(`-${operator === 'in' ? 'in' : 'notIn'} needs a [list]`);
    }
    if (!wantsList && isList) fail(`-${operator} takes a single value, not a list`);
    return (device) => compare(operator, device ? device[key] : undefined, values);
  };

  const parseUnary = (depth: number): DeviceFilterPredicate => {
    if (depth > maxDepth) fail('rule is nested too deeply');
    const token = peek();
    if (token?.kind === 'op' && token.text === 'not') {
      pos++;
      const inner = parseUnary(depth + 1);
      return (device) => !inner(device);
    }
    if (token?.kind === 'punct' && token.text === '(') {
      pos++;
      const inner = parseOr(depth + 1);
      if (peek()?.text !== ')') fail('expected ")"');
      pos++;
      return inner;
    }
    return parseComparison();
  };

  const parseAnd = (depth: number): DeviceFilterPredicate => {
    const parts = [parseUnary(depth)];
    while (peek()?.kind === 'op' && peek()?.text === 'and') {
      pos++;
      parts.push(parseUnary(depth));
    }
    const [only] = parts;
    return only && parts.length === 1 ? only : (device) => parts.every((part) => part(device));
  };

  function parseOr(depth: number): DeviceFilterPredicate {
    const parts = [parseAnd(depth)];
    while (peek()?.kind === 'op' && peek()?.text === 'or') {
      pos++;
      parts.push(parseAnd(depth));
    }
    const [only] = parts;
    return only && parts.length === 1 ? only : (device) => parts.some((part) => part(device));
  }

  if (tokens.length === 0) throw new DeviceFilterSyntaxError('rule is empty');
  const evaluate = parseOr(0);
  if (pos < tokens.length) fail('unexpected text');
  return { evaluate, properties: [...properties] };
}

/** Syntax check for schemas: null when valid, else the reason. */
export function deviceFilterRuleError(rule: string): string | null {
  try {
    parseDeviceFilterRule(rule);
    return null;
  } catch (error) {
    if (error instanceof DeviceFilterSyntaxError) return error.message;
    throw error;
  }
}
