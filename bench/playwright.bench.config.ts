import base from '../playwright.config';

// Browser benchmarks (figures, not pass/fail tests) reuse the e2e servers and browser settings but live in
// bench/ so `npm test` never runs them. `npm run bench:desk`.
// bench/ad-*.spec.ts need the Samba AD DC: they run under playwright.ad.config.ts (`npm run bench:ad:page`).
const benchConfig = { ...base, testDir: '.', testMatch: /.*\.spec\.ts$/, testIgnore: /ad-.*\.spec\.ts$/, retries: 0 };
export default benchConfig;
