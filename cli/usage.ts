// The --help text. Kept beside the argument parser's option table; docs/cli.md is the long form.

import type { CommandName } from './parse-command-line';

const inputs = `  --tenant FILE            tenant document (users, groups, apps, named locations, strengths, policies)
  --policies FILE|DIR      Graph policy export ({"value":[...]}, an array or one policy), or a directory of
                           them; replaces the tenant's policies
  --named-locations FILE|DIR  Graph named-location export (beta types too); replaces the tenant's
  --authentication-methods-policy FILE  Graph GET /policies/authenticationMethodsPolicy; replaces the
                           tenant's (which methods each user may use)
  --as-of YYYY-MM-DD       evaluate as of that day: known retirements apply (SMS and voice for MFA and
                           SSPR from 2027-02-01); lint then lists who loses MFA and what to register
  --json                   print JSON instead of a table
  --max-input-mb N         largest input file accepted, in MiB (default 8)`;

const batch = `  --requests DIR|-         batch mode: every *.json request in DIR (name order), or NDJSON on stdin
                           with "-"; the tenant is compiled once and each request prints one JSON line
                           {"request", "result"} ("failure" if a policy test fails, "error" if invalid)`;

const commandHelp: Record<CommandName, string> = {
  'what-if': `verity-ca what-if --tenant FILE --request FILE [options]

Graph's Conditional Access What If: which policies apply to the sign-in in --request (the body of
POST /identity/conditionalAccess/evaluate) and, for the others, the condition that did not match.

  --request FILE           What-If request body; signInIdentity.userId may be an object id or a UPN
${batch}
${inputs}`,
  flow: `verity-ca flow --tenant FILE --request FILE --methods LIST [options]

Plays one sign-in flow (an ordered list of authentication method modes) through the policies that
apply and says granted, interrupted, blocked or unavailable, step by step.

  --request FILE           What-If request body naming the user and the app
  --methods LIST           comma-separated modes in order, e.g. password,microsoftAuthenticatorPush
  --password-forgotten     the user cannot type their password (flows with password are unavailable)
  --expect OUTCOME         policy test: exit 1 unless the outcome is granted|interrupted|blocked|unavailable
${batch}
${inputs}`,
  matrix: `verity-ca matrix --tenant FILE --request FILE [options]

For the user and app in --request: every common sign-in flow against trusted / any network and
normal sign-in / forgotten password, with the outcome and the reason in each cell.

  --request FILE           What-If request body naming the user and the app
${batch}
${inputs}`,
  lint: `verity-ca lint --tenant FILE [--request FILE] [options]

Findings over the policy set, with severity and the policies involved: exemptions that leave the
reset or service-desk apps without MFA, strengths users cannot meet, mfa together with an
authentication strength, policies that target no one, exclusions that leave users uncovered,
and every user, group or named location a policy names that the tenant document does not hold.

  --request FILE           optional What-If request: its applications are the sensitive apps
                           (default: the apps the engine recognises as reset / service-desk apps)
  --fail-on SEVERITY       policy test: exit 1 if any finding is this severe or worse (high|medium|low|info)
${inputs}`,
  'blast-radius': `verity-ca blast-radius --tenant FILE --request FILE [options]

Every user of the tenant through every standard flow for the app in --request (a What-If request
without signInIdentity): counts and lists per outcome.

  --request FILE           What-If request body for the app and conditions (no user)
  --flows LIST             comma-separated standard flow ids (password, passwordPush, passwordSms,
                           authenticatorPasswordless, fido2, windowsHello, temporaryAccessPass)
                           or methods joined by "+" (e.g. password+softwareOath); default: the 7 standard flows
  --password-forgotten     every user has forgotten their password
  --compare-policies FILE  a second policy export: report what changes from the current policies to it
${inputs}`,
};

export function renderUsage(command: CommandName | undefined): string {
  if (command !== undefined) return `Usage: ${commandHelp[command]}\n`;
  return `verity-ca: Conditional Access policy tests for Microsoft Entra ID, offline.

Usage: verity-ca COMMAND --tenant FILE [--request FILE] [options]

Commands:
  what-if        which policies apply to a sign-in, and why the others do not (Graph What If)
  flow           play one sign-in flow: granted, interrupted, blocked or unavailable
  matrix         every common flow x network x forgotten password for one user and app
  lint           findings over the policy set
  blast-radius   outcomes for every user of the tenant for one app, optionally before/after

Run "verity-ca COMMAND --help" for a command's options.

Batch mode: what-if, flow and matrix take --requests DIR (or --requests - for NDJSON on stdin)
instead of --request, and print one JSON line per request.

Exit codes: 0 done; 1 a policy test failed (flow --expect, lint --fail-on); 2 bad input or usage
(one line on stderr naming the file and the JSON path at fault; in batch mode, any invalid request);
3 internal error.
`;
}
