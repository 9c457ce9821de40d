// Reads and parses the input files every command shares (--tenant, --request, --policies,
// --named-locations) and compiles the tenant once. Each file goes through the engine's own parser
// for its boundary, so the CLI accepts exactly what the library accepts. --policies and
// --named-locations may name a directory of exports (one object per file, as baselines publish them):
// every *.json file in it, in name order. Repairs the parsers make are collected in options.warnings.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { AppError } from '../lib/app-error';
import { compileTenant } from '../lib/conditional-access/compile-tenant';
import {
  parseAuthenticationMethodsPolicy,
  parseNamedLocationExport,
  parsePolicyExport,
  parseTenant,
  parseWhatIfRequest,
} from '../lib/conditional-access/parse-input';
import type { CommandOptions } from './parse-command-line';
import { defaultJsonFileLimits, readJsonFile, type JsonFileLimits } from './read-json-file';

export function inputLimits(options: Pick<CommandOptions, 'maxInputMb'>): JsonFileLimits {
  return options.maxInputMb === undefined
    ? defaultJsonFileLimits
    : { ...defaultJsonFileLimits, maxBytes: Math.floor(options.maxInputMb * 1024 * 1024) };
}

/** Reads one file and runs one engine parser over it, so every failure names that file. */
export function parseInputFile<T>(
  file: string,
  parse: (json: unknown, source: string) => T,
  limits: JsonFileLimits,
): T {
  const json = readJsonFile(file, limits);
  try {
    return parse(json, file);
  } catch (error) {
    throw asInputError(error, file);
  }
}

export function loadTenant(options: CommandOptions, policiesFile = options.policies) {
  const limits = inputLimits(options);
  const warnings = options.warnings;
  const tenant = parseInputFile(options.tenant, (json, source) => parseTenant(json, source, warnings), limits);
  const policies =
    policiesFile === undefined
      ? undefined
      : parseExportPath(policiesFile, (json, source) => parsePolicyExport(json, source, warnings), limits);
  const namedLocations =
    options.namedLocations === undefined
      ? undefined
      : parseExportPath(
          options.namedLocations,
          (json, source) => parseNamedLocationExport(json, source, warnings),
          limits,
        );
  const authenticationMethodsPolicy =
    options.authenticationMethodsPolicy === undefined
      ? undefined
      : parseInputFile(options.authenticationMethodsPolicy, parseAuthenticationMethodsPolicy, limits);
  try {
    return compileTenant(tenant, {
      policies,
      namedLocations,
      ...(authenticationMethodsPolicy !== undefined && { authenticationMethodsPolicy }),
      asOf: options.asOf ?? null,
    });
  } catch (error) {
    throw asInputError(error, options.tenant);
  }
}

/** A file, or a directory whose *.json files (name order) are concatenated. */
function parseExportPath<T>(path: string, parse: (json: unknown, source: string) => T[], limits: JsonFileLimits): T[] {
  if (!isDirectory(path)) return parseInputFile(path, parse, limits);
  const files = readdirSync(path)
    .filter((name) => name.toLowerCase().endsWith('.json'))
    .sort();
  if (files.length === 0) throw new AppError('INVALID_INPUT', 'directory holds no *.json file', { source: path });
  return files.flatMap((name) => parseInputFile(join(path, name), parse, limits));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // readJsonFile reports the missing file
  }
}

export function loadRequest(options: CommandOptions, file: string) {
  return parseInputFile(file, parseWhatIfRequest, inputLimits(options));
}

// The engine's parsers name the source; the compiler may not know which file a problem came from.
function asInputError(error: unknown, file: string): unknown {
  if (error instanceof AppError && error.details.source === undefined) {
    return new AppError(error.code, error.message, { ...error.details, source: file });
  }
  return error;
}
