// Start-up of the verity-ca command (issue 15: "under 200 ms for a What-If on the demo tenant"): runs
// one What-If on the demo tenant N times through bin/verity-ca.mjs, compiled and (with --source)
// from the TypeScript sources, and prints the median and the best wall-clock time per run, plus the
// batch mode's time per request for the demo requests. Wall time includes Node's own start-up
// (`node -e 0`, printed first for reference). Not a test: run it with `npm run bench:cli` (the README
// figures were made with `taskset -c 0 npm run bench:cli`).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.RUNS ?? 20);
const whatIf = [
  'bin/verity-ca.mjs',
  'what-if',
  '--tenant',
  'fixtures/demo-tenant.json',
  '--request',
  'fixtures/requests/adele-reset-portal-home-network.json',
  '--json',
];

// cutime + cstime of this process: the CPU of every reaped child, in clock ticks (100 per second on Linux).
function childCpuMs() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function time(args, env = {}, input) {
  const samples = [];
  const cpuBefore = childCpuMs();
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: '', ...env },
      encoding: 'utf8',
      input,
      maxBuffer: 1024 * 1024 * 1024,
    });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    if (result.stderr !== '')
      throw new Error(`unexpected stderr (is dist/ stale? run npm run build:cli): ${result.stderr}`);
  }
  const cpu = (childCpuMs() - cpuBefore) / runs;
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], best: samples[0], cpu };
}

const show = (label, { median, best, cpu }) =>
  console.log(
    `${label.padEnd(52)} wall median ${median.toFixed(0).padStart(5)} ms, best ${best.toFixed(0).padStart(5)} ms; CPU ${cpu.toFixed(0).padStart(5)} ms`,
  );

show('node -e 0 (Node start-up alone)', time(['-e', '0']));
show('verity-ca what-if, compiled (dist/)', time(whatIf));
if (process.argv.includes('--source')) {
  show('verity-ca what-if, TypeScript through tsx', time(whatIf, { VERITY_CA_FROM_SOURCE: '1' }));
}
const requests = readdirSync(`${root}/fixtures/requests`).filter((name) => name.endsWith('.json'));
const copies = 50;
const batch = time(
  ['bin/verity-ca.mjs', 'what-if', '--tenant', 'fixtures/demo-tenant.json', '--requests', 'fixtures/requests'],
  {},
);
show(`batch --requests DIR (${requests.length} requests), per process`, batch);
const ndjson = Array.from({ length: copies }, () =>
  requests.map((name) => JSON.stringify(JSON.parse(readFileSync(`${root}/fixtures/requests/${name}`, 'utf8')))),
)
  .flat()
  .join('\n');
const stdin = time(
  ['bin/verity-ca.mjs', 'what-if', '--tenant', 'fixtures/demo-tenant.json', '--requests', '-'],
  {},
  ndjson,
);
show(`batch NDJSON on stdin (${requests.length * copies} requests), per process`, stdin);
console.log(
  `  => ${((stdin.cpu / (requests.length * copies)) * 1000).toFixed(0)} µs of CPU per request in batch, start-up included`,
);
