import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppError } from '../../lib/app-error';
import { getConfig } from '../config';

// Mail goes out through SMTP with nodemailer: the development sink (dev-sink/) in development and tests,
// the organisation's relay in production. Messages never contain a password, code or secret link target
// other than the portal's own configured origin (FPCS: links use the configured origin).
let transporter: Transporter | undefined;

function mailTransport(): Transporter {
  if (!transporter) {
    const config = getConfig();
    transporter = nodemailer.createTransport({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      connectionTimeout: 5000,
    });
  }
  return transporter;
}

export type OutgoingEmail = { to: string; subject: string; text: string; html?: string };

/** Sends one message; an unreachable or refusing server becomes UPSTREAM_ERROR, never a crash. */
export async function sendEmail(message: OutgoingEmail): Promise<void> {
  try {
    await mailTransport().sendMail({ from: getConfig().MAIL_FROM, ...message });
  } catch (error) {
    throw new AppError('UPSTREAM_ERROR', 'The e-mail could not be sent.', { cause: String(error) });
  }
}
