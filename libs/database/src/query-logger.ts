import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** SQLSTATE classes the API answers as a client error (409 duplicate, 400 bad value, 409 retry): not worth a log line. */
const CLIENT_CLASSES = ['22', '23', '40'];
/**
 * The database gone or overloaded (08 connection, 57 cancelled/shutting down, 53 resources) or the connection
 * lost: every request fails alike, so the API's error filter logs it once per interval (OutageLog), not here.
 */
const OUTAGE_CLASSES = ['08', '57', '53'];
const OUTAGE_MESSAGE =
  /^(Connection terminated|Client has encountered a connection error|Client was closed|timeout exceeded when trying to connect|connect E[A-Z]+)/;

/**
 * TypeORM's log lines without the query's parameters, through Nest's logger (pino in the apps). TypeORM's
 * own console logger prints every failed query with its parameters: password hashes, refresh-token hashes
 * and e-mail addresses would end up in the logs, outside pino's redaction.
 */
export class QueryLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    const code = typeof error === 'object' ? (error as Error & { code?: string }).code : undefined;
    if (code && (CLIENT_CLASSES.includes(code.slice(0, 2)) || OUTAGE_CLASSES.includes(code.slice(0, 2)))) return;
    const message = typeof error === 'string' ? error : error.message;
    if (OUTAGE_MESSAGE.test(message)) return;
    this.logger.error(`query failed${code ? ` (${code})` : ''}: ${message} -- ${query.replace(/\s+/g, ' ').slice(0, 500)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${query.replace(/\s+/g, ' ').slice(0, 500)}`);
  }

  logSchemaBuild(message: string): void {
    this.logger.log(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.log(String(message));
  }
}
