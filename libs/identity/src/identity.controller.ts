import { Body, Controller, Get, HttpCode, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, readCsvBody, Roles, type Actor } from '@app/common';
import { AuthService } from './auth/auth.service';
import { LocalAuthGuard, LoginAddressGuard, LoginThrottlerGuard } from './auth/local.strategy';
import { UsersService } from './users.service';
import { LoginDto, LogoutDto, RefreshDto, TokenPairView } from './dto/auth.dto';
import { CreateUserDto, UserQueryDto } from './dto/user.dto';
import { UserView } from './dto/user.view';
import type { UserEntity } from './persistence/user.entity';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
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
  @ApiOperation({ summary: 'End this session (or every session with everywhere=true)' })
  async logout(@CurrentUser() actor: Actor, @Body() dto: LogoutDto) {
    await this.auth.logout(actor, dto.everywhere ?? false);
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
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('users')
  @Roles('admin', 'organizer')
  @ApiOperation({ summary: 'List user accounts' })
  list(@Query() q: UserQueryDto) {
    return this.users.list({ role: q.role, organizationId: q.organizationId, q: q.q }, q.page ?? 1, q.pageSize ?? 20);
  }

  @Post('users')
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: UserView })
  @ApiOperation({ summary: 'Create a user account' })
  create(@CurrentUser() actor: Actor, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @Post('imports/users')
  @HttpCode(201)
  @Roles('admin', 'organizer')
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({ description: 'CSV with header: email,name,role,organization,region,affiliations,password,locale; as multipart/form-data, the file alone in the field `file`', schema: { type: 'string' } })
  @ApiOperation({ summary: 'All-or-nothing CSV import of users; generated one-time passwords are returned once' })
  async importUsers(@CurrentUser() actor: Actor, @Req() req: Parameters<typeof readCsvBody>[0]) {
    return this.users.importCsv(actor, await readCsvBody(req));
  }
}
