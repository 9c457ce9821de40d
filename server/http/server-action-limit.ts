// The largest server-action body, shared by next.config.ts (serverActions.bodySizeLimit) and proxy.ts. Next
// answers a body over its limit with a 500, so the proxy refuses it first with a 413 (server/http/edge-guard.ts):
// a declared Content-Length over it at once, a chunked body without one by counting a copy up to the limit. The simulator's import form is the largest action: a 200-policy export is
// about 0.4 MB (docs/simulator.md), so 1 MB; every other action posts a few kilobytes.
export const serverActionBodyLimitBytes = 1024 * 1024;
