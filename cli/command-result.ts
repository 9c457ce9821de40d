// What every command returns: the JSON document printed with --json (the stable interface for
// scripts) and the text printed otherwise (for people).

export type CommandResult = { json: unknown; text: string };
