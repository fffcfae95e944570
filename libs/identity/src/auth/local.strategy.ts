import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { ThrottlerException, ThrottlerGuard } from '@nestjs/throttler';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Strategy } from 'passport-local';
import { Unauthorized, ValidationFailed, validationFieldErrors } from '@app/common';
import { AuthService } from './auth.service';
import { FailedLogins } from './failed-logins';
import { LoginDto } from '../dto/auth.dto';
import type { UserEntity } from '../persistence/user.entity';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  validate(email: string, password: string): Promise<UserEntity> {
    return this.auth.validateCredentials(email, password);
  }
}

/**
 * Guards run before pipes, so the login body is validated here: a malformed body is a 400 naming the field.
 * Wrong credentials count against the client address ({@link LoginAddressGuard}).
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  constructor(private readonly failures: FailedLogins) {
    super();
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const body: unknown = ctx.switchToHttp().getRequest<{ body?: unknown }>().body;
    const dto = plainToInstance(LoginDto, body ?? {});
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (typeof body !== 'object' || body === null || errors.length) {
      const fields = errors.length
        ? validationFieldErrors(errors)
        : [{ field: 'body', message: 'send a JSON object {email, password}', code: 'FIELD_NOT_OBJECT', params: {} }];
      throw new ValidationFailed(fields, 'VALIDATION_FAILED');
    }
    try {
      return (await super.canActivate(ctx)) as boolean;
    } catch (err) {
      if (err instanceof Unauthorized) await this.failures.record(String(ctx.switchToHttp().getRequest<{ ip?: unknown }>().ip));
      throw err;
    }
  }
}

/**
 * Failed sign-ins are limited per client address across all e-mails (LOGIN_ADDRESS_FAILURE_LIMIT in 15
 * minutes): above it every login from the address is 429 with Retry-After until the oldest failure ages out.
 */
@Injectable()
export class LoginAddressGuard implements CanActivate {
  constructor(private readonly failures: FailedLogins) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const http = ctx.switchToHttp();
    const wait = await this.failures.retryAfterMs(String(http.getRequest<{ ip?: unknown }>().ip));
    if (wait > 0) {
      http.getResponse<{ header(name: string, value: string): unknown }>().header('Retry-After', String(Math.ceil(wait / 1000)));
      throw new ThrottlerException();
    }
    return true;
  }
}

/** Login attempts are limited per client address and e-mail, so one account cannot be brute-forced. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const body = req.body as { email?: unknown } | undefined;
    const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
    return `${String(req.ip)}|${email}`;
  }
}

/** Password-reset requests are limited per client address (LOGIN_RATE_LIMIT a minute), whatever the e-mail. */
@Injectable()
export class PasswordResetThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return `reset|${String(req.ip)}`;
  }
}
