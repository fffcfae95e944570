import { Body, CanActivate, Controller, ExecutionContext, Get, HttpCode, Injectable, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { enforceAddressLimit } from './surveys.controller';
import { ApiErrorResponse, ApiErrorResponses, CurrentUser, Public, Roles, type Actor } from '@app/common';
import { uuidParam } from '@app/competitions';
import { VotesService } from './votes.service';
import {
  CastVoteDto,
  CreatePollDto,
  PollAdminView,
  PublicPollView,
  VerifyVoteDto,
  VoteAcceptedView,
  VoteVerifiedView,
} from './dto/votes.dto';

/** Vote requests per address (VOTE_REQUEST_LIMIT per hour). */
@Injectable()
export class VoteRateLimit implements CanActivate {
  constructor(private readonly votes: VotesService) {}

  canActivate(ctx: ExecutionContext): Promise<boolean> {
    return enforceAddressLimit(ctx, (address) => this.votes.hitAddress(address));
  }
}

@ApiTags('favourite-vote')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404, 409, 503)
@Controller('competitions/:id/favourite-polls')
export class FavouritePollsController {
  constructor(private readonly votes: VotesService) {}

  @Post()
  @HttpCode(201)
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: PollAdminView })
  @ApiOperation({ summary: "Open a public 'Juara Favorit' vote for a category's finalists, within a window" })
  create(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string, @Body() dto: CreatePollDto) {
    return this.votes.createPoll(actor, id, dto);
  }

  @Get()
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: [PollAdminView] })
  @ApiOperation({
    summary:
      'The competition’s favourite votes with request and verification counts and flagged bursts (per-candidate counts stay hidden until closing)',
  })
  list(@CurrentUser() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.votes.listPolls(actor, id);
  }
}

@ApiTags('favourite-vote')
@Public()
@ApiErrorResponses(400, 404, 503)
@Controller('public')
export class PublicVotesController {
  constructor(private readonly votes: VotesService) {}

  @Get('favourite-polls/:id')
  @ApiOkResponse({ type: PublicPollView })
  @ApiOperation({ summary: 'A favourite vote: candidates and window; after closing, the tally with its verifiable hash' })
  poll(@Param('id', uuidParam) id: string) {
    return this.votes.publicPoll(id);
  }

  @Post('favourite-polls/:id/votes')
  @HttpCode(202)
  @UseGuards(VoteRateLimit)
  @ApiOkResponse({ type: VoteAcceptedView })
  @ApiTooManyRequestsResponse({
    type: ApiErrorResponse,
    description: 'Too many vote requests from this address; retry after Retry-After seconds',
  })
  @ApiOperation({
    summary: 'Vote: a one-time confirmation link is e-mailed; the vote counts once the link is opened (one per person and category)',
  })
  cast(@Param('id', uuidParam) id: string, @Body() dto: CastVoteDto, @Req() req: { ip?: string }) {
    return this.votes.cast(id, dto, String(req.ip));
  }

  @Post('favourite-votes/verify')
  @HttpCode(200)
  @ApiOkResponse({ type: VoteVerifiedView })
  @ApiOperation({ summary: 'Confirm a vote with the token of its e-mailed link' })
  verify(@Body() dto: VerifyVoteDto) {
    return this.votes.verify(dto.token);
  }
}
