// Runs one invocation of verity-ca and returns its exit code. Output goes through the given
// writers so the whole CLI can be driven in-process as well as through bin/verity-ca.mjs.
// Commands are imported on demand: --help and usage errors answer without loading the engine.

import type { LoadWarning } from '../lib/conditional-access/export-shapes';
import type { CommandResult } from './command-result';
import { formatError } from './format-error';
import { formatLoadWarnings } from './format-load-warnings';
import { parseCommandLine, type CommandName, type CommandOptions } from './parse-command-line';
import { renderUsage } from './usage';

export type CliOutput = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input, read only by batch mode (`--requests -`). */
  stdin?: () => NodeJS.ReadableStream;
};

type Command = (options: CommandOptions) => CommandResult;

const commands: Record<CommandName, () => Promise<Command>> = {
  'what-if': async () => (await import('./commands/what-if')).runWhatIfCommand,
  flow: async () => (await import('./commands/flow')).runFlowCommand,
  matrix: async () => (await import('./commands/matrix')).runMatrixCommand,
  lint: async () => (await import('./commands/lint')).runLintCommand,
  'blast-radius': async () => (await import('./commands/blast-radius')).runBlastRadiusCommand,
};

export async function runCli(argv: readonly string[], output: CliOutput): Promise<number> {
  try {
    const commandLine = parseCommandLine(argv);
    if (commandLine.kind === 'help') {
      output.stdout(renderUsage(commandLine.command));
      return 0;
    }
    if (commandLine.options.requests !== undefined) {
      const { runBatch } = await import('./run-batch');
      return await runBatch(
        commandLine.command,
        commandLine.options,
        (line) => output.stdout(`${line}\n`),
        output.stderr,
        output.stdin ?? (() => process.stdin),
      );
    }
    const command = await commands[commandLine.command]();
    const warnings: LoadWarning[] = [];
    const result = command({ ...commandLine.options, warnings });
    if (warnings.length > 0) output.stderr(formatLoadWarnings(warnings));
    output.stdout(commandLine.options.json ? `${JSON.stringify(result.json, null, 2)}\n` : `${result.text}\n`);
    if (result.failure !== undefined) {
      output.stderr(`verity-ca: policy test failed: ${result.failure}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    const report = formatError(error);
    output.stderr(`${report.line}\n`);
    return report.exitCode;
  }
}
