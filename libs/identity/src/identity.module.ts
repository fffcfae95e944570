import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppEnv } from '@app/config';
import { DirectoryModule } from '@app/directory';
import { UserEntity } from './persistence/user.entity';
import { RefreshTokenEntity } from './persistence/refresh-token.entity';
import { AccountTokenEntity } from './persistence/account-token.entity';
import { AccountAccessService } from './auth/account-access.service';
import { UsersRepository } from './persistence/users.repository';
import { RefreshTokensRepository } from './persistence/refresh-tokens.repository';
import { PasswordHasher } from './auth/password-hasher';
import { AuthService } from './auth/auth.service';
import { JwtStrategy } from './auth/jwt.strategy';
import { LocalStrategy } from './auth/local.strategy';
import { FailedLogins } from './auth/failed-logins';
import { HitLog, HitLogThrottlerStorage, LoginCountersModule } from './auth/hit-log';
import { UsersService } from './users.service';
import { AuthController, UsersController } from './identity.controller';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity, AccountTokenEntity]),
    PassportModule,
    JwtModule.register({}),
    LoginCountersModule,
    ThrottlerModule.forRootAsync({
      imports: [LoginCountersModule],
      inject: [ConfigService, HitLog],
      // The per-address-and-e-mail login limit is the only throttler (failed sign-ins per address are counted
      // by FailedLogins); named 'default' so a 429 carries the standard Retry-After header (a named throttler
      // sends Retry-After-<name>, which clients do not read).
      // Counted in the shared HitLog (Redis or PostgreSQL), so the limit holds across API instances and restarts.
      useFactory: (config: ConfigService<AppEnv, true>, hits: HitLog) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.get('loginRateLimit', { infer: true }) }],
        storage: new HitLogThrottlerStorage(hits),
      }),
    }),
    DirectoryModule,
  ],
  providers: [
    UsersRepository,
    RefreshTokensRepository,
    PasswordHasher,
    AuthService,
    JwtStrategy,
    LocalStrategy,
    UsersService,
    AccountAccessService,
    {
      provide: FailedLogins,
      inject: [HitLog, ConfigService],
      useFactory: (hits: HitLog, config: ConfigService<AppEnv, true>) =>
        new FailedLogins(hits, config.get('loginAddressFailureLimit', { infer: true })),
    },
  ],
  controllers: [AuthController, UsersController],
  exports: [UsersService, AuthService],
})
export class IdentityModule {}
