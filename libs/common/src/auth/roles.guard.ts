import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Forbidden } from '@app/kernel';
import { ROLES_KEY } from './auth.decorators';
import type { Actor, Role } from './roles';

/** Global: enforces @Roles(...) on the handler or its controller (403 for the other roles). */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (!roles || roles.length === 0) return true;
    const user = ctx.switchToHttp().getRequest<{ user?: Actor }>().user;
    if (user && roles.includes(user.role)) return true;
    throw new Forbidden('AUTH_ROLE_FORBIDDEN', `This action needs one of the roles: ${roles.join(', ')}`);
  }
}
