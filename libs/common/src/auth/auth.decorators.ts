import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, Role } from './roles';

export const IS_PUBLIC_KEY = 'identity:public';
export const ROLES_KEY = 'identity:roles';

/** The route needs no token. */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);
/** Only these roles may call the route (403 for the others). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The signed-in {@link Actor}. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ user: Actor }>().user;
});
