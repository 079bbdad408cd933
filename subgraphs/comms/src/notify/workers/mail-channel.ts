import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { NotifySubscriberStore } from '../../store/notify-subscriber-store.ts';
import type { MailJob } from '../domain/job.ts';
import type { DeliverFn } from './delivery-worker.ts';

export interface MailTransportOptions {
  /** smtp://user:pass@host:587 or smtps://…; unset in development: mails go to `outboxDir`. */
  smtpUrl: string | undefined;
  outboxDir: string;
  from: string;
  timeoutMs: number;
}

interface SendResult {
  messageId: string;
}

export interface MailSender {
  send(job: MailJob): Promise<SendResult>;
  close(): void;
}

/**
 * nodemailer over SMTP, or (development) a local outbox: each mail written as a complete `.eml` file, the very
 * bytes SMTP would have carried, which any mail client opens (README, "Reading the development outbox").
 */
export function createMailSender(o: MailTransportOptions): MailSender {
  const message = (job: MailJob) => ({
    from: o.from,
    to: job.mail.to,
    subject: job.mail.subject,
    text: job.mail.text,
    headers: job.mail.headers,
    messageId: `<${job.id}@polystatus>`,
  });
  if (o.smtpUrl) {
    const transport = nodemailer.createTransport({
      url: o.smtpUrl,
      connectionTimeout: o.timeoutMs,
      greetingTimeout: o.timeoutMs,
      socketTimeout: o.timeoutMs,
    });
    return {
      send: async (job) => transport.sendMail(message(job)),
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(job) {
      const info = await transport.sendMail(message(job));
      await mkdir(o.outboxDir, { recursive: true });
      await writeFile(join(o.outboxDir, `${Date.now()}-${job.id}.eml`), info.message as Buffer);
      return info;
    },
    close: () => transport.close(),
  };
}

/**
 * SMTP's own verdict decides: a 4xx reply (greylisting, mailbox full) and a connection problem are worth another
 * try, a 5xx reply (no such user, refused) is not. An update is sent only while the subscription is confirmed, so
 * an address unsubscribed while its mail waited in the queue gets nothing.
 */
export function mailChannel(sender: MailSender, subscribers: NotifySubscriberStore): DeliverFn<MailJob> {
  return async (job) => {
    if (job.purpose === 'update' && !(await subscribers.isConfirmed(job.subscriptionId))) {
      return { kind: 'drop', reason: 'subscription no longer confirmed' };
    }
    if (job.purpose === 'confirmation' && !(await subscribers.get(job.subscriptionId))) {
      return { kind: 'drop', reason: 'subscription gone' };
    }
    try {
      await sender.send(job);
      return { kind: 'done' };
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      if (code !== undefined && code >= 500)
        return { kind: 'drop', reason: `SMTP ${code}: ${(err as Error).message}` };
      return { kind: 'retry', error: (err as Error).message };
    }
  };
}
