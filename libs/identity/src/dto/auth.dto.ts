import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '@app/common';
import { UserView } from './user.view';

export class LoginDto {
  @ApiProperty({ example: 'admin@demo.local' }) @IsEmail() @MaxLength(320) email: string;
  @ApiProperty({ example: 'demo-pass-2024' }) @IsString() @IsNotBlank() @MaxLength(200) password: string;
}

export class RefreshDto {
  @ApiProperty() @IsString() @IsNotBlank() @MaxLength(200) refreshToken: string;
}

export class LogoutDto {
  @ApiPropertyOptional({ description: 'End every session of this user, not only the current one' })
  @IsOptional()
  @IsBoolean()
  everywhere?: boolean;
}

export class TokenPairView {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ description: 'seconds until the access token expires' }) expiresIn: number;
  @ApiProperty({ type: UserView }) user: UserView;
}

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'opd.rsud@demo.local' }) @IsEmail() @MaxLength(320) email: string;
}

/** The one-time link's token (from the invitation or reset e-mail) and the password its owner chooses. */
export class AccountTokenPasswordDto {
  @ApiProperty({ description: 'the `token` parameter of the e-mail link' }) @IsString() @IsNotBlank() @MaxLength(200) token: string;
  @ApiProperty({ description: 'the new password (policy: 400 AUTH_PASSWORD_WEAK naming `password`)' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  password: string;
}
