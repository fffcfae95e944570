import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { ThrottlerGuard } from '@nestjs/throttler';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Strategy } from 'passport-local';
import { ValidationFailed } from '@app/common';
import { AuthService } from './auth.service';
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

/** Guards run before pipes, so the login body is validated here: a malformed body is a 400 naming the field. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override canActivate(ctx: ExecutionContext) {
    const body: unknown = ctx.switchToHttp().getRequest<{ body?: unknown }>().body;
    const dto = plainToInstance(LoginDto, body ?? {});
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (typeof body !== 'object' || body === null || errors.length) {
      const fields = errors.length
        ? errors.map((e) => ({ field: e.property, message: Object.values(e.constraints ?? {}).join('; ') || 'is invalid' }))
        : [{ field: 'body', message: 'send a JSON object {email, password}' }];
      throw new ValidationFailed(fields, 'VALIDATION_FAILED');
    }
    return super.canActivate(ctx);
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
