import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY, type Actor } from '@app/common';
import { AccessTokens } from './access-tokens';

/**
 * Global: every route needs a valid access token unless marked @Public(). The request's `user` is the actor.
 * (Not passport's AuthGuard: the same checks and answers, without its per-request machinery, and with
 * verified tokens kept until they expire: see VerifiedTokens.)
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (isPublic) return true;
    const request = ctx.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined>; user?: Actor }>();
    request.user = await this.tokens.actorOf(request);
    return true;
  }
}
