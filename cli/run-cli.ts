// Runs one invocation of verity-ca and returns its exit code. Output goes through the given
// writers so the whole CLI can be driven in-process as well as through bin/verity-ca.mjs.

import type { CommandResult } from './command-result';
import { formatError } from './format-error';
import { parseCommandLine, type CommandName, type CommandOptions } from './parse-command-line';
import { renderUsage } from './usage';
import { runBlastRadiusCommand } from './commands/blast-radius';
import { runFlowCommand } from './commands/flow';
import { runLintCommand } from './commands/lint';
import { runMatrixCommand } from './commands/matrix';
import { runWhatIfCommand } from './commands/what-if';

export type CliOutput = { stdout: (text: string) => void; stderr: (text: string) => void };

const commands: Record<CommandName, (options: CommandOptions) => CommandResult> = {
  'what-if': runWhatIfCommand,
  flow: runFlowCommand,
  matrix: runMatrixCommand,
  lint: runLintCommand,
  'blast-radius': runBlastRadiusCommand,
};

export function runCli(argv: readonly string[], output: CliOutput): number {
  try {
    const commandLine = parseCommandLine(argv);
    if (commandLine.kind === 'help') {
      output.stdout(renderUsage(commandLine.command));
      return 0;
    }
    const result = commands[commandLine.command](commandLine.options);
    output.stdout(commandLine.options.json ? `${JSON.stringify(result.json, null, 2)}\n` : `${result.text}\n`);
    return 0;
  } catch (error) {
    const report = formatError(error);
    output.stderr(`${report.line}\n`);
    return report.exitCode;
  }
}
