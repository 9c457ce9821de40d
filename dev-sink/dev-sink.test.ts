import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startDevSink, type DevSink } from './create-dev-sink';

// The development sink receives real SMTP from nodemailer and real HTTP SMS posts, and gives them back to tests.
let sink: DevSink;
beforeAll(async () => {
  sink = await startDevSink({ smtpPort: 0, httpPort: 0 });
});
afterAll(async () => {
  await sink.close();
});

const api = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${sink.httpPort}${path}`, init);

describe('dev sink', () => {
  it('keeps an e-mail delivered over SMTP and returns it by recipient', async () => {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: sink.smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    await transport.sendMail({
      from: 'Verity <no-reply@contoso.test>',
      to: 'Adele.Vance@personal.test',
      subject: 'Your password was changed',
      text: 'Hello Adele',
    });
    const mine = z
      .array(z.object({ subject: z.string(), text: z.string(), from: z.string() }))
      .parse(await (await api('/messages?to=adele.vance@personal.test&format=json')).json());
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ subject: 'Your password was changed', from: 'no-reply@contoso.test' });
    expect(mine[0]?.text.trim()).toBe('Hello Adele');
    expect(await (await api('/messages?to=someone@else.test&format=json')).json()).toEqual([]);
  });

  it('accepts SMS as the gateway contract, matches numbers by digits, and refuses bad bodies with 400', async () => {
    expect(
      (
        await api('/sms', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ to: '+1 555 0105', body: 'Code 123456' }),
        })
      ).status,
    ).toBe(201);
    const messages = z
      .array(z.object({ body: z.string() }))
      .parse(await (await api('/sms?to=%2B15550105&format=json')).json());
    expect(messages.map((m) => m.body)).toEqual(['Code 123456']);
    expect((await api('/sms', { method: 'POST', body: 'not json' })).status).toBe(400);
    expect((await api('/sms', { method: 'POST', body: JSON.stringify({ to: '1' }) })).status).toBe(400);
    expect((await api('/sms', { method: 'DELETE' })).status).toBe(200);
    expect(await (await api('/sms?format=json')).json()).toEqual([]);
  });

  it('shows people an HTML inbox with every field escaped, and JSON only at ?format=json', async () => {
    await api('/sms', { method: 'POST', body: JSON.stringify({ to: '+1 555 0199', body: 'Code <b>42</b> & more' }) });
    const page = await api('/sms?to=%2B15550199');
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('Code &lt;b&gt;42&lt;/b&gt; &amp; more');
    expect(html).not.toContain('<b>42</b>');
    expect(html).toContain('href="/sms?to=%2B15550199&amp;format=json"');
    const mail = await api('/messages');
    expect(mail.headers.get('content-type')).toContain('text/html');
    expect(await mail.text()).toContain('<nav aria-label="Inboxes">');
    const json = await api('/sms?to=%2B15550199&format=json');
    expect(json.headers.get('content-type')).toContain('application/json');
  });
});
