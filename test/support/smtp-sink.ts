import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as the sink received it, decoded enough for assertions. */
export interface SinkMail {
  to: string[];
  subject: string;
  messageId: string;
  text: string;
  html: string;
}

export interface SmtpSink {
  url: string;
  mails: SinkMail[];
  /** Rejecting: every DATA is answered 550 (and counted), nothing is kept. */
  rejecting: boolean;
  rejected: number;
  /**
   * Holding: a message is kept (it counts as received) but its 250 is never sent, as when the client dies after
   * the server took the message and before the reply reached it.
   */
  holding: boolean;
  /** When set, only the messages it picks are held (see `holding`); the others are answered at once. */
  holdOnly: ((mail: SinkMail) => boolean) | null;
  /** Recipients refused at RCPT TO with 550 (no such mailbox); `refusals` counts the attempts per address. */
  refuse: Set<string>;
  refusals: Map<string, number>;
  to(address: string): SinkMail[];
  close(): Promise<void>;
}

function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*(?==\?)?/gi, (_m, enc: string, text: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable')
    return Buffer.from(
      body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  return body;
}

function parsePart(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = split < 0 ? raw : raw.slice(0, split);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: split < 0 ? '' : raw.slice(split + 4) };
}

/** Enough MIME for nodemailer's output: one level of multipart/alternative, QP or base64 bodies. */
export function parseMail(raw: string, to: string[]): SinkMail {
  const { headers, body } = parsePart(raw);
  const mail: SinkMail = {
    to,
    subject: decodeWords(headers.get('subject') ?? ''),
    messageId: headers.get('message-id') ?? '',
    text: '',
    html: '',
  };
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  const parts = boundary
    ? body
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((p) => parsePart(p.replace(/^\r\n/, '')))
    : [{ headers, body }];
  for (const part of parts) {
    const type = part.headers.get('content-type') ?? 'text/plain';
    const decoded = decodeBody(part.body, part.headers.get('content-transfer-encoding')?.toLowerCase());
    if (type.startsWith('text/html')) mail.html = decoded;
    else if (type.startsWith('text/plain')) mail.text = decoded;
  }
  return mail;
}

/** An in-process SMTP server on a free port of 127.0.0.1 that keeps what it receives. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const sink = {
    mails: [] as SinkMail[],
    rejecting: false,
    rejected: 0,
    holding: false,
    holdOnly: null as ((mail: SinkMail) => boolean) | null,
    refuse: new Set<string>(),
    refusals: new Map<string, number>(),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!sink.refuse.has(address.address)) return callback();
      sink.refusals.set(address.address, (sink.refusals.get(address.address) ?? 0) + 1);
      callback(Object.assign(new Error(`No such mailbox: ${address.address}`), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (sink.rejecting) {
          sink.rejected++;
          return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        }
        const mail = parseMail(
          Buffer.concat(chunks).toString('utf8'),
          session.envelope.rcptTo.map((r) => r.address),
        );
        sink.mails.push(mail);
        if (!sink.holding || (sink.holdOnly && !sink.holdOnly(mail))) callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(sink, {
    url: `smtp://127.0.0.1:${port}`,
    to: (address: string) => sink.mails.filter((m) => m.to.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
