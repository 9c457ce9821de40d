// How long the portal waits for one Microsoft Graph request. A write whose answer is later than this has an
// unknown outcome (server/graph/graph-client.ts); the leases in server/production/lease-settings.ts are
// checked against it.
export const graphRequestTimeoutMs = 10_000;
