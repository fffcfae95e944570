import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsNotBlank } from '@app/common';
import { BurstView } from './surveys.dto';

export class CreatePollDto {
  @ApiProperty({ example: 'kota' }) @IsNotBlank() @MaxLength(40) category: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2025-08-01T00:00:00+07:00' }) @IsString() opensAt: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2025-08-10T00:00:00+07:00' }) @IsString() closesAt: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'The finalists: submitted innovations of the competition in this category' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  innovationIds: string[];
}

export class CastVoteDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() innovationId: string;
  @ApiProperty({
    example: 'warga@gmail.com',
    description: 'A one-time confirmation link is sent here; only a keyed hash of the address is kept',
  })
  @IsString()
  @MaxLength(254)
  email: string;
}

export class VerifyVoteDto {
  @ApiProperty({ description: 'The token of the confirmation link /v/{token}' }) @IsNotBlank() @MaxLength(200) token: string;
}

export class PollCandidateView {
  @ApiProperty({ format: 'uuid' }) innovationId: string;
  @ApiProperty() title: string;
  @ApiProperty() organization: string;
}

export class PollAdminView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty() category: string;
  @ApiProperty({ format: 'date-time' }) opensAt: Date;
  @ApiProperty({ format: 'date-time' }) closesAt: Date;
  @ApiProperty({ type: [PollCandidateView] }) candidates: PollCandidateView[];
  @ApiProperty({ description: 'Vote requests (verified or not); per-candidate counts stay hidden until the window closes' })
  requested: number;
  @ApiProperty() verified: number;
  @ApiProperty({ type: [BurstView], description: 'Flagged bursts of verifications (ids are vote ids)' }) bursts: BurstView[];
}

export class TallyRowView {
  @ApiProperty({ format: 'uuid' }) innovationId: string;
  @ApiProperty() votes: number;
}

export class TallyInputView {
  @ApiProperty({ format: 'uuid' }) poll: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    description: "Per candidate, its verified voters' hashed identities, sorted",
  })
  candidates: Record<string, string[]>;
}

export class TallyView {
  @ApiProperty({ type: [TallyRowView] }) rows: TallyRowView[];
  @ApiProperty({ example: 'sha256:…', description: 'sha256 of the RFC 8785 canonical JSON of `input`' }) hash: string;
  @ApiProperty({ type: TallyInputView }) input: TallyInputView;
}

export class PublicPollView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() competition: string;
  @ApiProperty() category: string;
  @ApiProperty({ format: 'date-time' }) opensAt: Date;
  @ApiProperty({ format: 'date-time' }) closesAt: Date;
  @ApiProperty() open: boolean;
  @ApiProperty({ type: [PollCandidateView] }) candidates: PollCandidateView[];
  @ApiPropertyOptional({ type: TallyView, nullable: true, description: 'Null until the window closes' }) results: TallyView | null;
}

export class VoteAcceptedView {
  @ApiProperty({ example: 'verification_sent' }) status: 'verification_sent';
  @ApiProperty({ format: 'date-time' }) expiresAt: Date;
}

export class VoteVerifiedView {
  @ApiProperty({ example: true }) verified: boolean;
  @ApiProperty({ format: 'uuid' }) innovationId: string;
  @ApiProperty({ format: 'date-time' }) verifiedAt: Date;
}
