import base from '../playwright.config';

// Browser benchmarks (figures, not pass/fail tests) reuse the e2e servers and browser settings but live in
// bench/ so `npm test` never runs them. `npm run bench:desk`.
const benchConfig = { ...base, testDir: '.', testMatch: /.*\.spec\.ts$/, retries: 0 };
export default benchConfig;
