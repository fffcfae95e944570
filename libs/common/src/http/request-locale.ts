import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { errorLocale, type ErrorLocale } from '@app/kernel';

/** The language a response renders its texts in, from `Accept-Language` (`en`, else Bahasa Indonesia). */
export const RequestLocale = createParamDecorator((_data: unknown, ctx: ExecutionContext): ErrorLocale =>
  errorLocale(ctx.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers['accept-language']),
);
