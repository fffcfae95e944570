import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Min } from 'class-validator';
import { ValidationFailed } from '@app/common';
import { validationPipe } from './validation';

class OptionalQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) version?: number;
}

class RequiredBody {
  @IsString() reason!: string;
  @IsOptional() @IsString() note?: string;
}

const meta = (metatype: new () => object, type: ArgumentMetadata['type'] = 'query'): ArgumentMetadata => ({ type, metatype });
const fields = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (!(err instanceof ValidationFailed)) throw err;
    return ((err.details as { fields: { field: string }[] }).fields ?? []).map((f) => f.field).join(',');
  }
};

describe('validationPipe (a query seen before is not validated again)', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['optional query, empty', OptionalQuery, [{}, {}, {}], ['ok', 'ok', 'ok']],
    [
      'optional query, bad value between empty ones',
      OptionalQuery,
      [{}, { version: '0' }, {}, { version: 'x', extra: 1 }],
      ['ok', 'version', 'ok', 'extra,version'],
    ],
    ['required body, empty every time', RequiredBody, [{}, { reason: 'ok' }, {}], ['reason', 'ok', 'reason']],
  ] as const)('%s', async (_name, type, inputs, expected) => {
    const pipe = validationPipe();
    const results = [];
    for (const input of inputs) results.push(await fields(pipe.transform({ ...input }, meta(type))));
    expect(results).toEqual(expected);
  });

  it('runs class-validator once for the empty instances of a class that accepts them, every time for the others', async () => {
    const spy = jest.spyOn(ValidationPipe.prototype as unknown as { validate: () => unknown }, 'validate');
    const pipe = validationPipe();
    for (let i = 0; i < 5; i++) await pipe.transform({}, meta(OptionalQuery));
    expect(spy).toHaveBeenCalledTimes(1);
    await pipe.transform({ version: '2' }, meta(OptionalQuery));
    expect(spy).toHaveBeenCalledTimes(2);
    for (let i = 0; i < 3; i++) await fields(pipe.transform({}, meta(RequiredBody, 'body')));
    expect(spy).toHaveBeenCalledTimes(5);
  });

  it('still turns a query into its class with numbers converted', async () => {
    const out = await validationPipe().transform({ version: '3' }, meta(OptionalQuery));
    expect(out).toBeInstanceOf(OptionalQuery);
    expect(out).toEqual({ version: 3 });
  });

  it('a query seen before gives a fresh copy of what it gave then, without validating again; refusals are worked out every time', async () => {
    const spy = jest.spyOn(ValidationPipe.prototype as unknown as { validate: () => unknown }, 'validate');
    const pipe = validationPipe();
    const first = (await pipe.transform({ version: '7' }, meta(OptionalQuery))) as OptionalQuery;
    expect(spy).toHaveBeenCalledTimes(1);
    first.version = 99; // a handler changing its DTO changes nothing for the next request
    const second = (await pipe.transform({ version: '7' }, meta(OptionalQuery))) as OptionalQuery;
    expect(spy).toHaveBeenCalledTimes(1);
    expect(second).toBeInstanceOf(OptionalQuery);
    expect(second).toEqual({ version: 7 });
    expect(second).not.toBe(first);
    for (let i = 0; i < 2; i++) expect(await fields(pipe.transform({ version: '0' }, meta(OptionalQuery)))).toBe('version');
    expect(spy).toHaveBeenCalledTimes(3);
    // Another value, or the same value for a body, is validated.
    expect(await pipe.transform({ version: '8' }, meta(OptionalQuery))).toEqual({ version: 8 });
    expect(spy).toHaveBeenCalledTimes(4);
    for (let i = 0; i < 2; i++) expect(await fields(pipe.transform({ reason: 'x' }, meta(RequiredBody, 'body')))).toBe('ok');
    expect(spy).toHaveBeenCalledTimes(6);
  });
});
