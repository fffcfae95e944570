import { Body, Controller, Get, HttpCode, Post, Query, Req, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrorResponses, CurrentUser, Public, readCsvBody, Roles, type Actor, type OnProgress } from '@app/common';
import { OperationProgress, TrackOperation } from '@app/operations';
import { AuthService } from './auth/auth.service';
import { LocalAuthGuard, LoginAddressGuard, LoginThrottlerGuard, PasswordResetThrottlerGuard } from './auth/local.strategy';
import { AccountAccessService } from './auth/account-access.service';
import { UsersService } from './users.service';
import { AccountTokenPasswordDto, LoginDto, LogoutDto, PasswordResetRequestDto, RefreshDto, TokenPairView } from './dto/auth.dto';
import { CreateUserDto, UserQueryDto } from './dto/user.dto';
import { UserImportView, UserPageView, UserView } from './dto/user.view';
import type { UserEntity } from './persistence/user.entity';

@ApiTags('auth')
@ApiErrorResponses(400, 401, 429, 503)
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly access: AccountAccessService,
  ) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @UseGuards(LoginAddressGuard, LoginThrottlerGuard, LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokenPairView })
  @ApiOperation({ summary: 'Sign in; rate-limited per address and e-mail, and failed sign-ins per address (429 with Retry-After)' })
  login(@Req() req: { user: UserEntity }) {
    return this.auth.login(req.user);
  }

  @Post('auth/refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairView })
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair; a reused refresh token ends the session' })
  refresh(@Body() dto: RefreshDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'signed out' })
  @ApiOperation({ summary: 'End this session (or every session with everywhere=true)' })
  async logout(@CurrentUser() actor: Actor, @Body() dto: LogoutDto) {
    await this.auth.logout(actor, dto.everywhere ?? false);
  }

  @Post('auth/invitations/accept')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'password set; sign in with it' })
  @ApiOperation({
    summary: "Set a new account's password with the one-time link of its invitation e-mail (400 AUTH_TOKEN_INVALID, AUTH_PASSWORD_WEAK)",
  })
  async acceptInvitation(@Body() dto: AccountTokenPasswordDto) {
    await this.access.setPassword('invitation', dto.token, dto.password);
  }

  @Post('auth/password-reset')
  @Public()
  @HttpCode(202)
  @UseGuards(PasswordResetThrottlerGuard)
  @ApiAcceptedResponse({ description: 'the same answer whether or not the address has an account' })
  @ApiOperation({
    summary: 'Ask for a password-reset link by e-mail (rate-limited per address; at most one mail per account in 2 minutes)',
  })
  async requestPasswordReset(@Body() dto: PasswordResetRequestDto) {
    await this.access.requestPasswordReset(dto.email);
  }

  @Post('auth/password-reset/confirm')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'password changed; every session of the account is ended' })
  @ApiOperation({ summary: 'Set a new password with the one-time link of a reset e-mail; ends every session of the account' })
  async confirmPasswordReset(@Body() dto: AccountTokenPasswordDto) {
    await this.access.setPassword('password_reset', dto.token, dto.password);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserView })
  @ApiOperation({ summary: 'The signed-in user' })
  me(@CurrentUser() actor: Actor) {
    return this.users.me(actor);
  }
}

@ApiTags('directory')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404, 409, 503)
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('users')
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: UserPageView })
  @ApiOperation({ summary: 'Accounts: admins see all; organizers only jurors (403 USER_ROLE_FORBIDDEN for another role)' })
  list(@CurrentUser() actor: Actor, @Query() q: UserQueryDto) {
    return this.users.list(actor, { role: q.role, organizationId: q.organizationId, q: q.q }, q.page ?? 1, q.pageSize ?? 20);
  }

  @Post('users')
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: UserView })
  @ApiOperation({
    summary: 'Create an account and e-mail it a one-time link to set its password; organizers invite jurors only (403 USER_ROLE_FORBIDDEN)',
  })
  create(@CurrentUser() actor: Actor, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @Post('imports/users')
  @HttpCode(201)
  @Roles('admin')
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({
    description:
      'CSV with header: email,name,role,organization,region,affiliations,locale (a password column must be empty); as multipart/form-data, the file alone in the field `file`',
    schema: { type: 'string' },
  })
  @ApiCreatedResponse({ type: UserImportView })
  @ApiOperation({ summary: 'All-or-nothing CSV import of users (admin); each account gets an invitation e-mail to set its password' })
  @TrackOperation('users.import', { result: (r: { created: number }) => r.created })
  async importUsers(@CurrentUser() actor: Actor, @Req() req: Parameters<typeof readCsvBody>[0], @OperationProgress() progress: OnProgress) {
    return this.users.importCsv(actor, await readCsvBody(req), progress);
  }
}
