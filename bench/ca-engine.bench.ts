// Benchmark of the Conditional Access engine (issue 2, "Tests and figures"). Not a timed test: it
// prints figures and writes bench/results/ca-engine.json. Run it pinned to one core, as the
// targets are stated for one core of the 2-core CI machine:
//
//   taskset -c 0 npx tsx bench/ca-engine.bench.ts
//   taskset -c 0 node --max-old-space-size=4096 --import tsx bench/ca-engine.bench.ts --million
//
// --million: 1,000,000 users, 20,000 nested groups, 500 policies (issue 15; targets: blast radius < 2 s, compile
// < 5 s, heap < 1.5 GB, What-If median < 50 µs). Never part of the test suite (minutes of CPU, gigabytes of RAM);
// figures go to bench/results/ca-engine-million.json. The heap limit is raised so the run reports its peak
// instead of dying at Node's default limit.
//
// Targets: single What-If median < 50 µs; blast radius for one app across the 7 standard flows
// over 100,000 users < 2 s.

import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { computeBlastRadius, type BlastRadius } from '../lib/conditional-access/blast-radius';
import type { CompiledTenant } from '../lib/conditional-access/compiled-model';
import { reevaluateAfterPolicyEdit, replacePolicy } from '../lib/conditional-access/incremental-blast-radius';
import { evaluateRequestConditions } from '../lib/conditional-access/policy-applicability';
import { compileSignInContext } from '../lib/conditional-access/sign-in-context';
import { compileTenant } from '../lib/conditional-access/compile-tenant';
import { parseTenant, parseWhatIfRequest } from '../lib/conditional-access/parse-input';
import { standardSignInFlows } from '../lib/conditional-access/standard-flows';
import { evaluateWhatIf } from '../lib/conditional-access/what-if';
import { createSeededRandom } from './seeded-random';
import { benchmarkTenantSize, generateSyntheticTenant, syntheticResetAppId } from './synthetic-tenant';
import { collectGarbage, summarizeNanoseconds, timeOnce, type LatencySummary } from './timing';

const whatIfWarmUpRuns = 5_000;
const whatIfMeasuredRuns = 20_000;
const blastRadiusRuns = 3;
const incrementalRuns = 5;
const targets = {
  whatIfMedianMicroseconds: 50,
  blastRadiusMilliseconds: 2_000,
  incrementalMilliseconds: 200,
  // Issue 15's million-user targets (compile < 5 s, heap < 1.5 GB); the 100,000-user run reports them as well.
  compileMilliseconds: 5_000,
  peakHeapBytes: 1.5e9,
};

const isMillion = process.argv.includes('--million');
const millionTenantSize = { users: 1_000_000, groups: 20_000, policies: 500, applications: 400 };
const tenantSize = isMillion ? millionTenantSize : benchmarkTenantSize;
let peakHeapBytes = 0;
const sampleHeap = () => {
  peakHeapBytes = Math.max(peakHeapBytes, process.memoryUsage().heapUsed);
};

// The generated document is garbage once parsed, as a JSON export is once read: only the parsed tenant stays
// reachable (the engine's input, kept by the compiled tenant as `source`), so the peak heap is the engine's own.
function generateAndParse() {
  const generated = timeOnce(() => generateSyntheticTenant(tenantSize));
  sampleHeap();
  const parsed = timeOnce(() => parseTenant(generated.value, 'synthetic-tenant'));
  sampleHeap();
  return { generateMilliseconds: generated.milliseconds, parsed };
}

const loadAverage = () => loadavg().map((load) => round(load));

function main() {
  const loadAtStart = loadAverage();
  const heapTimer = setInterval(sampleHeap, 50);
  const { generateMilliseconds, parsed } = generateAndParse();
  const document = { users: parsed.value.users, applications: parsed.value.applications ?? [] };
  const namedLocationCount = (parsed.value.namedLocations ?? []).length;
  // Compiled twice. First right after parsing, as every earlier figure was measured: that compile also pays for the
  // full collection of the generated document (hundreds of MB at a million users) that V8 runs while it allocates.
  // Then, that tenant dropped, after a full collection: the compiler's own time. The second tenant is the one used.
  const compiledAfterParse = timeOnce(() => compileTenant(parsed.value).users.length);
  sampleHeap();
  collectGarbage();
  const compiled = timeOnce(() => compileTenant(parsed.value));
  sampleHeap();
  collectGarbage();

  // A pool of realistic sign-ins: different users, apps, networks and platforms, so the figure is
  // not one cached path through the engine.
  const random = createSeededRandom(7);
  const appIds = document.applications.map((application) => application.appId);
  const requests = Array.from({ length: 1_000 }, () =>
    parseWhatIfRequest(
      {
        signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', userId: random.pick(document.users).id },
        signInContext: {
          '@odata.type': '#microsoft.graph.applicationContext',
          includeApplications: [random.pick(appIds)],
        },
        signInConditions: {
          ipAddress: random.chance(0.5)
            ? `10.${random.int(40)}.${random.int(256)}.${random.int(256)}`
            : `203.0.113.${random.int(256)}`,
          country: random.pick(['US', 'GB', 'DE', 'FR', 'BR']),
          devicePlatform: random.pick(['windows', 'macOS', 'iOS', 'android', 'linux']),
          clientAppType: random.pick(['browser', 'mobileAppsAndDesktopClients']),
          signInRiskLevel: random.weighted([
            ['none', 90],
            ['low', 6],
            ['medium', 3],
            ['high', 1],
          ] as const),
          userRiskLevel: random.weighted([
            ['none', 95],
            ['high', 5],
          ] as const),
        },
        appliedPoliciesOnly: false,
      },
      'bench-request',
    ),
  );

  let sink = 0; // keeps the optimiser from discarding results
  // Checked access: the modulo keeps the index in range, the check says so to the compiler at the cost of a
  // compare the JIT predicts.
  const requestAt = (run: number) => {
    const request = requests[run % requests.length];
    if (request === undefined) throw new Error('no What-If requests');
    return request;
  };
  for (let run = 0; run < whatIfWarmUpRuns; run += 1) {
    sink += evaluateWhatIf(compiled.value, requestAt(run)).value.length;
  }
  const samples = new Array<bigint>(whatIfMeasuredRuns);
  for (let run = 0; run < whatIfMeasuredRuns; run += 1) {
    const request = requestAt(run);
    const start = process.hrtime.bigint();
    const result = evaluateWhatIf(compiled.value, request);
    samples[run] = process.hrtime.bigint() - start;
    sink += result.value.length;
  }
  const whatIf = summarizeNanoseconds(samples);

  const blastRequest = parseWhatIfRequest(
    {
      signInContext: {
        '@odata.type': '#microsoft.graph.applicationContext',
        includeApplications: [syntheticResetAppId],
      },
      // A managed laptop off the corporate network: device-compliance policies are met, so outcomes spread
      // over granted / interrupted / blocked / unavailable instead of collapsing into "blocked".
      signInConditions: {
        ipAddress: '203.0.113.10',
        country: 'US',
        devicePlatform: 'windows',
        clientAppType: 'browser',
        deviceInfo: { isCompliant: true, trustType: 'AzureAD', operatingSystem: 'Windows' },
      },
    },
    'bench-blast-radius-request',
  );
  const blastRadiusSamples: bigint[] = [];
  let blastRadiusUsers = 0;
  let blastRadiusCounts: Record<string, string | number>[] = [];
  for (let run = 0; run <= blastRadiusRuns; run += 1) {
    const start = process.hrtime.bigint();
    const result = computeBlastRadius(compiled.value, { request: blastRequest, flows: standardSignInFlows });
    const elapsed = process.hrtime.bigint() - start;
    if (run > 0) blastRadiusSamples.push(elapsed); // the first run is warm-up
    sampleHeap();
    blastRadiusUsers = result.userCount;
    blastRadiusCounts = result.flows.map((flow) => ({ flow: flow.flowId, ...flow.counts }));
  }
  const blastRadius = summarizeNanoseconds(blastRadiusSamples);
  const lastRadius = computeBlastRadius(compiled.value, { request: blastRequest, flows: standardSignInFlows });
  const incremental = isMillion ? null : measureIncremental(compiled.value, lastRadius, blastRequest);

  const figures = {
    tenant: {
      ...tenantSize,
      applications: document.applications.length,
      namedLocations: namedLocationCount,
    },
    machine: { cpu: cpus()[0]?.model ?? 'unknown', logicalCores: cpus().length, node: process.version },
    loadAverage: { atStart: loadAtStart, atEnd: loadAverage() },
    generateMilliseconds: round(generateMilliseconds),
    parseMilliseconds: round(parsed.milliseconds),
    /** Right after parsing: includes V8's full collection of the generated document (as every earlier figure). */
    compileMilliseconds: round(compiledAfterParse.milliseconds),
    /** After a full collection: the compiler alone. */
    compileAfterCollectionMilliseconds: round(compiled.milliseconds),
    heapUsedMiB: round(process.memoryUsage().heapUsed / 1024 / 1024),
    // Sampled synchronously after each phase (the interval timer cannot fire inside synchronous work).
    peakHeapUsedMiB: round(Math.max(peakHeapBytes, process.memoryUsage().heapUsed) / 1024 / 1024),
    whatIf: {
      runs: whatIfMeasuredRuns,
      warmUpRuns: whatIfWarmUpRuns,
      distinctRequests: requests.length,
      ...microseconds(whatIf),
    },
    blastRadius: {
      app: syntheticResetAppId,
      flows: standardSignInFlows.length,
      users: blastRadiusUsers,
      runs: blastRadiusRuns,
      medianMilliseconds: round(blastRadius.median / 1e6),
      minMilliseconds: round(blastRadius.min / 1e6),
      maxMilliseconds: round(blastRadius.max / 1e6),
      outcomes: blastRadiusCounts,
    },
    incremental,
    targets,
  };
  const verdict = {
    compile: figures.compileMilliseconds < targets.compileMilliseconds,
    compileAfterCollection: figures.compileAfterCollectionMilliseconds < targets.compileMilliseconds,
    peakHeap: figures.peakHeapUsedMiB * 1024 * 1024 < targets.peakHeapBytes,
    whatIfMedian: figures.whatIf.medianMicroseconds < targets.whatIfMedianMicroseconds,
    blastRadius: figures.blastRadius.medianMilliseconds < targets.blastRadiusMilliseconds,
    incremental: incremental ? incremental.typical.medianMilliseconds < targets.incrementalMilliseconds : null,
  };

  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL(isMillion ? './results/ca-engine-million.json' : './results/ca-engine.json', import.meta.url),
    `${JSON.stringify({ ...figures, meetsTargets: verdict, recordedAt: new Date().toISOString() }, null, 2)}\n`,
  );
  process.stdout.write(renderReport(figures, verdict));
  if (sink === -1) process.stdout.write('\n'); // never true; reads sink
  clearInterval(heapTimer);
}

type Figures = {
  tenant: { users: number; groups: number; policies: number };
  machine: { cpu: string; node: string };
  loadAverage: { atStart: number[]; atEnd: number[] };
  parseMilliseconds: number;
  compileMilliseconds: number;
  compileAfterCollectionMilliseconds: number;
  heapUsedMiB: number;
  peakHeapUsedMiB: number;
  whatIf: {
    runs: number;
    medianMicroseconds: number;
    p95Microseconds: number;
    p99Microseconds: number;
    meanMicroseconds: number;
  };
  blastRadius: { flows: number; users: number; medianMilliseconds: number; minMilliseconds: number };
  incremental: ReturnType<typeof measureIncremental> | null;
};

function renderReport(
  figures: Figures,
  verdict: {
    compile: boolean;
    compileAfterCollection: boolean;
    peakHeap: boolean;
    whatIfMedian: boolean;
    blastRadius: boolean;
    incremental: boolean | null;
  },
): string {
  const mark = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');
  const { tenant, whatIf, blastRadius } = figures;
  const rows: [string, string, string][] = [
    ['Parse tenant document', `${figures.parseMilliseconds} ms`, ''],
    [
      'Compile tenant, right after parsing (includes collecting the generated document)',
      `${figures.compileMilliseconds} ms`,
      `< 5 s: ${mark(verdict.compile)}`,
    ],
    [
      'Compile tenant, after a full collection (the compiler alone)',
      `${figures.compileAfterCollectionMilliseconds} ms`,
      `< 5 s: ${mark(verdict.compileAfterCollection)}`,
    ],
    ['What-If, median', `${whatIf.medianMicroseconds} µs`, `< 50 µs: ${mark(verdict.whatIfMedian)}`],
    ['What-If, p95', `${whatIf.p95Microseconds} µs`, ''],
    ['What-If, p99', `${whatIf.p99Microseconds} µs`, ''],
    [
      `Blast radius, 1 app x ${blastRadius.flows} flows x ${blastRadius.users} users`,
      `${blastRadius.medianMilliseconds} ms`,
      `< 2 s: ${mark(verdict.blastRadius)}`,
    ],
    ...(figures.incremental
      ? ([
          [
            `Re-evaluation after editing a group-targeted policy (${figures.incremental.typical.reevaluatedUsers} users touched)`,
            `${figures.incremental.typical.medianMilliseconds} ms`,
            `< 200 ms: ${mark(verdict.incremental === true)}`,
          ],
          [
            `Re-evaluation after editing an All-users policy (${figures.incremental.allUsers.reevaluatedUsers} users touched)`,
            `${figures.incremental.allUsers.medianMilliseconds} ms`,
            '',
          ],
          ['Full recompile + blast radius after the same edit', `${figures.incremental.fullMilliseconds} ms`, ''],
        ] satisfies [string, string, string][])
      : []),
    ['Heap used after the runs', `${figures.heapUsedMiB} MiB`, ''],
    [
      'Peak heap used (sampled after each phase)',
      `${figures.peakHeapUsedMiB} MiB`,
      `< 1.5 GB: ${mark(verdict.peakHeap)}`,
    ],
  ];
  const heading = `Conditional Access engine benchmark: ${tenant.users.toLocaleString('en-US')} users, ${tenant.groups.toLocaleString('en-US')} nested groups, ${tenant.policies} policies`;
  const machine = `${figures.machine.cpu}, Node ${figures.machine.node}, one core (taskset -c 0), ${whatIf.runs.toLocaleString('en-US')} What-If runs after warm-up`;
  const load = `Load average (1, 5, 15 min): ${figures.loadAverage.atStart.join(', ')} at start, ${figures.loadAverage.atEnd.join(', ')} at end (the machine's other work slows every figure)`;
  const markdown = [
    '| Measure | Result | Target |',
    '| --- | ---: | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
  return `${heading}\n${machine}\n${load}\n\n${markdown.join('\n')}\n\nWritten to bench/results/${isMillion ? 'ca-engine-million' : 'ca-engine'}.json\n`;
}

// Re-evaluation after editing one policy (issue 15: < 200 ms at 100,000 users): replacePolicy + the incremental
// blast radius, for a group-targeted policy that applies to the blast-radius request (the typical edit) and, for
// scale, an All-users one (nearly everyone is touched). The edit turns the grant into a block.
function measureIncremental(tenant: CompiledTenant, previous: BlastRadius, request: BlastRadiusRequest) {
  const options = { request, flows: standardSignInFlows };
  const masks = evaluateRequestConditions(tenant, compileSignInContext(tenant, request));
  const applying = tenant.policies.filter((p) => p.state === 'enabled' && masks[p.index] === 0);
  const byGroups = applying.find((p) => (p.source.conditions?.users?.includeGroups ?? []).length > 0);
  const byAll = applying.find((p) => (p.source.conditions?.users?.includeUsers ?? []).includes('All'));
  const measure = (policy: (typeof applying)[number] | undefined) => {
    if (!policy) return { policyId: null, reevaluatedUsers: 0, medianMilliseconds: NaN };
    const edited = {
      ...policy.source,
      grantControls: { operator: 'OR' as const, builtInControls: ['block' as const] },
    };
    const samples: bigint[] = [];
    let reevaluatedUsers = 0;
    for (let run = 0; run <= incrementalRuns; run += 1) {
      const start = process.hrtime.bigint();
      const after = replacePolicy(tenant, edited);
      const result = reevaluateAfterPolicyEdit(tenant, previous, after, policy.id, options);
      const elapsed = process.hrtime.bigint() - start;
      if (run > 0) samples.push(elapsed);
      reevaluatedUsers = result.reevaluatedUsers;
    }
    return {
      policyId: policy.id,
      reevaluatedUsers,
      medianMilliseconds: round(summarizeNanoseconds(samples).median / 1e6),
    };
  };
  const typical = measure(byGroups);
  const allUsers = measure(byAll);
  // For comparison: what the edit costs without the incremental path (compile the edited set, full blast radius).
  const editedSet = (tenant.source.conditionalAccessPolicies ?? []).map((p) =>
    p.id === byGroups?.id
      ? { ...p, grantControls: { operator: 'OR' as const, builtInControls: ['block' as const] } }
      : p,
  );
  const full = timeOnce(() => computeBlastRadius(compileTenant(tenant.source, { policies: editedSet }), options));
  return { typical, allUsers, fullMilliseconds: round(full.milliseconds), runs: incrementalRuns };
}

type BlastRadiusRequest = Parameters<typeof computeBlastRadius>[1]['request'];

function microseconds(summary: LatencySummary) {
  return {
    medianMicroseconds: round(summary.median / 1e3),
    p95Microseconds: round(summary.p95 / 1e3),
    p99Microseconds: round(summary.p99 / 1e3),
    meanMicroseconds: round(summary.mean / 1e3),
    minMicroseconds: round(summary.min / 1e3),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

main();
