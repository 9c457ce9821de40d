// Turns argv into a command and its options. The interface is fixed by issue 2 so that pipelines
// can rely on it; any mistake (unknown command, unknown or misplaced flag, missing value) is an
// AppError('INVALID_INPUT') whose details say it is a usage error, which the CLI prints as one
// line with a pointer to --help and exit code 2.

import { parseArgs } from 'node:util';
import { AppError } from '../lib/app-error';
import type { LoadWarning } from '../lib/conditional-access/export-shapes';
import { isOneOf } from '../lib/is-one-of';

export const commandNames = ['what-if', 'flow', 'matrix', 'lint', 'blast-radius'] as const;
export type CommandName = (typeof commandNames)[number];

export type CommandOptions = {
  tenant: string;
  request: string | undefined;
  /** Batch mode: a directory of request files, or "-" for NDJSON on stdin (one request per line). */
  requests: string | undefined;
  policies: string | undefined;
  namedLocations: string | undefined;
  /** A Graph export of GET /policies/authenticationMethodsPolicy; replaces the tenant document's. */
  authenticationMethodsPolicy: string | undefined;
  /** YYYY-MM-DD: evaluate as of that day (known method retirements apply). */
  asOf: string | undefined;
  json: boolean;
  maxInputMb: number | undefined;
  methods: string[] | undefined;
  passwordForgotten: boolean;
  flows: string[] | undefined;
  comparePolicies: string | undefined;
  /** flow: the outcome a policy test expects; anything else exits 1. */
  expect: string | undefined;
  /** lint: the lowest finding severity that fails a policy test (exit 1). */
  failOn: string | undefined;
  /** Not an option: load warnings (repaired export shapes, unknown location types) collected for stderr. */
  warnings?: LoadWarning[];
};

export type CommandLine =
  { kind: 'help'; command: CommandName | undefined } | { kind: 'run'; command: CommandName; options: CommandOptions };

const optionSpecs = {
  tenant: { type: 'string' },
  request: { type: 'string' },
  requests: { type: 'string' },
  policies: { type: 'string' },
  'named-locations': { type: 'string' },
  'authentication-methods-policy': { type: 'string' },
  'as-of': { type: 'string' },
  json: { type: 'boolean' },
  'max-input-mb': { type: 'string' },
  methods: { type: 'string' },
  'password-forgotten': { type: 'boolean' },
  flows: { type: 'string' },
  'compare-policies': { type: 'string' },
  expect: { type: 'string' },
  'fail-on': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type OptionName = keyof typeof optionSpecs;

const commonOptions: OptionName[] = [
  'tenant',
  'request',
  'policies',
  'named-locations',
  'authentication-methods-policy',
  'as-of',
  'json',
  'max-input-mb',
  'help',
];

export const optionsByCommand: Record<CommandName, { allowed: OptionName[]; required: OptionName[] }> = {
  'what-if': { allowed: [...commonOptions, 'requests'], required: ['tenant', 'request'] },
  flow: {
    allowed: [...commonOptions, 'requests', 'methods', 'password-forgotten', 'expect'],
    required: ['tenant', 'request', 'methods'],
  },
  matrix: { allowed: [...commonOptions, 'requests'], required: ['tenant', 'request'] },
  lint: { allowed: [...commonOptions, 'fail-on'], required: ['tenant'] },
  'blast-radius': {
    allowed: [...commonOptions, 'flows', 'compare-policies', 'password-forgotten'],
    required: ['tenant', 'request'],
  },
};

/** --as-of YYYY-MM-DD, a real calendar day (UTC). */
function parseAsOf(value: string | undefined, command: CommandName): string | undefined {
  if (value === undefined) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value)
    throw usageError(`--as-of must be a date YYYY-MM-DD, got "${value}"`, command);
  return value;
}

export function usageError(message: string, command?: CommandName): AppError {
  return new AppError('INVALID_INPUT', message, { source: 'command line', usage: true, command });
}

export function parseCommandLine(argv: readonly string[]): CommandLine {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    return { kind: 'help', command: topic !== undefined && isCommandName(topic) ? topic : undefined };
  }
  if (!isCommandName(first)) {
    const hint = first.startsWith('-') ? 'a command must come first' : `unknown command "${first}"`;
    throw usageError(`${hint}; expected one of ${commandNames.join(', ')}`);
  }
  const command = first;

  let parsed: ReturnType<typeof parseArgs<{ options: typeof optionSpecs; strict: true; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...rest], options: optionSpecs, strict: true, allowPositionals: true });
  } catch (error) {
    throw usageError(describeParseArgsError(error), command);
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { kind: 'help', command };
  if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`, command);

  const spec = optionsByCommand[command];
  for (const name of Object.keys(values)) {
    if (!isOneOf(spec.allowed, name)) throw usageError(`option --${name} does not apply to ${command}`, command);
  }
  if (values.request !== undefined && values.requests !== undefined) {
    throw usageError('give --request FILE or --requests DIR|-, not both', command);
  }
  for (const name of spec.required) {
    // Batch mode (--requests) stands in for --request.
    if (name === 'request' && values.requests !== undefined) continue;
    if (values[name] === undefined) throw usageError(`missing --${name}`, command);
  }
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' && value.trim() === '') throw usageError(`--${name} needs a value`, command);
  }

  return {
    kind: 'run',
    command,
    options: {
      tenant: values.tenant ?? '',
      request: values.request,
      requests: values.requests,
      policies: values.policies,
      namedLocations: values['named-locations'],
      authenticationMethodsPolicy: values['authentication-methods-policy'],
      asOf: parseAsOf(values['as-of'], command),
      json: values.json === true,
      maxInputMb: parseMaxInputMb(values['max-input-mb'], command),
      methods: parseList(values.methods, '--methods', command),
      passwordForgotten: values['password-forgotten'] === true,
      flows: parseList(values.flows, '--flows', command),
      comparePolicies: values['compare-policies'],
      expect: oneOf(values.expect, '--expect', ['granted', 'interrupted', 'blocked', 'unavailable'], command),
      failOn: oneOf(values['fail-on'], '--fail-on', ['high', 'medium', 'low', 'info'], command),
    },
  };
}

function isCommandName(value: string): value is CommandName {
  return isOneOf(commandNames, value);
}

function parseList(value: string | undefined, flag: string, command: CommandName): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) throw usageError(`${flag} has an empty item in "${value}"`, command);
  return items;
}

function oneOf(
  value: string | undefined,
  flag: string,
  allowed: readonly string[],
  command: CommandName,
): string | undefined {
  if (value === undefined || allowed.includes(value)) return value;
  throw usageError(`${flag} must be one of ${allowed.join(', ')}, not "${value}"`, command);
}

function parseMaxInputMb(value: string | undefined, command: CommandName): number | undefined {
  if (value === undefined) return undefined;
  const megabytes = Number(value);
  if (!Number.isFinite(megabytes) || megabytes <= 0 || megabytes > 4096) {
    throw usageError(`--max-input-mb must be a number of MiB between 0 and 4096, not "${value}"`, command);
  }
  return megabytes;
}

// node:util parseArgs messages suggest "--" tricks that do not apply here; keep the essential part.
function describeParseArgsError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^']*)'/.exec(message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? message}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return option !== undefined && /argument missing|argument is ambiguous/.test(message)
        ? `${option.split(' ')[0]} needs a value`
        : (message.split('\n')[0] ?? message);
    default:
      return message.split('\n')[0] ?? message;
  }
}
