import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createTransport } from 'nodemailer';
import type { AppEnv } from '@app/config';

export interface OutgoingMail {
  /** The outbox row id: the Message-ID and the .eml file name derive from it. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** The Message-ID of an outbox row's e-mail, the same on every attempt: `<outbox-{id}@{host of PUBLIC_URL}>`. */
export const outboxMessageId = (outboxId: string, host: string) => `<outbox-${outboxId}@${host}>`;

/**
 * Sends mail over SMTP_URL (a connection pool), or without it writes each message as an .eml file under
 * DATA_DIR/mail for development.
 */
@Injectable()
export class MailSender implements OnApplicationShutdown {
  private readonly transport: ReturnType<typeof createTransport>;
  private readonly mailDir: string | null;
  private readonly host: string;

  constructor(config: ConfigService<AppEnv, true>) {
    const smtpUrl = config.get('smtpUrl', { infer: true });
    const defaults = { from: config.get('mailFrom', { infer: true }) };
    this.host = new URL(config.get('publicUrl', { infer: true })).hostname;
    this.mailDir = smtpUrl ? null : path.join(config.get('dataDir', { infer: true }), 'mail');
    this.transport = smtpUrl
      ? createTransport(
          {
            url: smtpUrl,
            pool: true,
            maxConnections: config.get('notify', { infer: true }).concurrency,
            connectionTimeout: 10_000,
            greetingTimeout: 10_000,
            socketTimeout: 60_000,
          },
          defaults,
        )
      : createTransport({ streamTransport: true, buffer: true }, defaults);
  }

  async send(mail: OutgoingMail): Promise<void> {
    // Delivery is at least once: a worker killed after the SMTP server took a message but before its 250 reached
    // us (or before the row's COMMIT) sends it again. Every attempt of one outbox row carries the same Message-ID,
    // so mail clients and servers that collapse duplicates by it show the mail once.
    const info = await this.transport.sendMail({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: outboxMessageId(mail.id, this.host),
    });
    if (this.mailDir) {
      await mkdir(this.mailDir, { recursive: true });
      await writeFile(path.join(this.mailDir, `${mail.id}.eml`), (info as { message: Buffer }).message);
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
