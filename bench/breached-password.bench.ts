// The breached-password check (issue 11, finding 10), `npm run bench:breached-passwords`
// (`tsx bench/breached-password.bench.ts`): how long the server takes to load the corpus (import +
// decompress the zxcvbn-ts lists + build the sets), and the time per password of the check the server runs
// (substrings + whole corpus) and the one the browser runs on every keystroke (substrings only), over a
// mix of refused and accepted passwords. Results in bench/results/breached-password.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { findBreachedPassword } from '../lib/reset/breached-passwords';
import { loadBreachedPasswordCorpus } from '../server/reset/breached-password-corpus';
import { summarizeNanoseconds } from './timing';

const microseconds = (ns: number) => Math.round(ns / 10) / 100;

const loadStart = process.hrtime.bigint();
const corpus = await loadBreachedPasswordCorpus();
const loadMilliseconds = Number(process.hrtime.bigint() - loadStart) / 1e6;
const heapMegabytes = process.memoryUsage().heapUsed / 1e6;

const passwords = [
  'Blue-Harbour-Lantern-82',
  'P@ssw0rd-2024-Now',
  'Summer2024!',
  'Quiet-Meadow-Compass-47',
  'Grenouille#99',
  'Xk9!Xk9!Tq2#vB7m',
  'Correct-Horse-Battery-Staple',
  'Xk9!'.repeat(64),
];

function measure(check: (password: string) => unknown) {
  for (let i = 0; i < 500; i++) for (const password of passwords) check(password);
  const samples: bigint[] = [];
  for (let i = 0; i < 2_000; i++)
    for (const password of passwords) {
      const start = process.hrtime.bigint();
      check(password);
      samples.push(process.hrtime.bigint() - start);
    }
  const summary = summarizeNanoseconds(samples);
  return { medianMicroseconds: microseconds(summary.median), p95Microseconds: microseconds(summary.p95) };
}

const browserCorpus = { substrings: corpus.substrings };
const results = {
  measuredAt: new Date().toISOString(),
  node: process.version,
  corpus: { entries: corpus.entries.size, substrings: corpus.substrings.length },
  loadMilliseconds: Math.round(loadMilliseconds),
  heapMegabytesAfterLoad: Math.round(heapMegabytes),
  server: measure((password) => findBreachedPassword(password, corpus)),
  browser: measure((password) => findBreachedPassword(password, browserCorpus)),
  browserPayloadKilobytes: Math.round(JSON.stringify(corpus.substrings).length / 1024),
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/breached-password.json', `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
