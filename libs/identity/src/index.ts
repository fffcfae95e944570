export * from './identity.module';
export { UsersService, type CreatedUser } from './users.service';
export { AuthService, type TokenPair } from './auth/auth.service';
export { JwtAuthGuard } from './auth/jwt-auth.guard';
export { UserEntity } from './persistence/user.entity';
export { RefreshTokenEntity } from './persistence/refresh-token.entity';
export { UserView, toUserView } from './dto/user.view';
export { CreateUserDto } from './dto/user.dto';
export { FailedLogins, LOGIN_ADDRESS_WINDOW_MS } from './auth/failed-logins';
