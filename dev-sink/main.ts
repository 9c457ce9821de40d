// Development mail and SMS sink: `tsx dev-sink/main.ts`. Started by `npm start` and the Playwright setup.
// Never used in production (the portal then talks to the organisation's SMTP relay and SMS gateway).
import { z } from 'zod';
import { startDevSink } from './create-dev-sink';

const env = z
  .object({
    DEV_SINK_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
    DEV_SINK_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8025),
  })
  .safeParse(process.env);
if (!env.success) {
  console.error(
    `dev-sink: invalid environment: ${env.error.issues.map((i) => `${String(i.path[0])} ${i.message}`).join('; ')}`,
  );
  process.exit(2);
}
const sink = await startDevSink({ smtpPort: env.data.DEV_SINK_SMTP_PORT, httpPort: env.data.DEV_SINK_HTTP_PORT });
console.log(`dev-sink: SMTP on 127.0.0.1:${sink.smtpPort}, messages and SMS at http://127.0.0.1:${sink.httpPort}/`);
const stop = () => void sink.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
