import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, type ApiResponseSchemaHost } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ApiErrorResponses, Public } from '@app/common';

/** Something that can say whether a dependency is up (Redis, queues); registered by the modules that own it. */
export interface HealthProbe {
  readonly name: string;
  check(): Promise<Record<string, unknown>>;
}
export const HEALTH_PROBES = Symbol('HEALTH_PROBES');

type SchemaObject = ApiResponseSchemaHost['schema'];

/** Terminus's answer: `status` and each dependency's state (a 503 carries the same in the error body's `details`). */
const STATES: SchemaObject = {
  type: 'object',
  additionalProperties: { type: 'object', properties: { status: { type: 'string', enum: ['up', 'down'] } }, additionalProperties: true },
};
const HEALTH_BODY: SchemaObject = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string', enum: ['ok'] }, info: STATES, error: STATES, details: STATES },
  example: { status: 'ok', info: { database: { status: 'up' } }, error: {}, details: { database: { status: 'up' } } },
};

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    @Optional() @Inject(HEALTH_PROBES) private readonly probes: HealthProbe[] = [],
  ) {}

  @Get()
  @Public()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({ description: 'every dependency is up', schema: HEALTH_BODY })
  @ApiErrorResponses(503)
  @ApiOperation({ summary: 'Liveness and dependencies: database, and Redis and queues when configured' })
  check() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 3000 }),
      ...this.probes.map((p) => async () => {
        const i = this.indicator.check(p.name);
        try {
          return i.up(await p.check());
        } catch (err) {
          return i.down({ message: (err as Error).message });
        }
      }),
    ]);
  }
}
