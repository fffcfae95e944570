import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompetitionsModule } from '@app/competitions';
import { DirectoryModule } from '@app/directory';
import { IndexEditionsModule } from '@app/index-editions';
import { GivenScoresRegistry, JudgingModule } from '@app/judging';
import { ResultsModule } from '@app/results';
import { SubmissionsModule } from '@app/submissions';
import { AWARD_ENTITIES } from './persistence/award-entry.entity';
import { AwardsRepository } from './persistence/awards.repository';
import { AwardsService } from './awards.service';
import { AwardsController, AwardsPublicController } from './awards.controller';

@Module({
  imports: [
    TypeOrmModule.forFeature(AWARD_ENTITIES),
    CompetitionsModule,
    DirectoryModule,
    IndexEditionsModule,
    SubmissionsModule,
    JudgingModule,
    ResultsModule,
  ],
  providers: [AwardsRepository, AwardsService],
  controllers: [AwardsController, AwardsPublicController],
  exports: [AwardsService],
})
export class AwardsModule implements OnModuleInit {
  constructor(
    private readonly given: GivenScoresRegistry,
    private readonly awards: AwardsService,
  ) {}

  /** The ranking preview and publication take the region awards' given stage (the verified IID) from here. */
  onModuleInit(): void {
    this.given.register((competition, tx) => this.awards.givenScores(competition, tx));
  }
}
