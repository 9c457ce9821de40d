// What every command returns: the JSON document printed with --json (the stable interface for
// scripts), the text printed otherwise (for people), and, when a policy test asked for with
// --expect or --fail-on does not hold, the one line explaining why (exit code 1).

export type CommandResult = { json: unknown; text: string; failure?: string };
