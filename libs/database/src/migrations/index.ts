import type { MigrationInterface } from 'typeorm';
import { Initial1795485076799 } from './1795485076799-Initial';
import { Submissions1795485810948 } from './1795485810948-Submissions';
import { Notifications1795486368106 } from './1795486368106-Notifications';
import { Judging1795486488079 } from './1795486488079-Judging';
import { Results1795486844639 } from './1795486844639-Results';
import { ListIndex1795491043091 } from './1795491043091-ListIndex';
import { InnovationCounts1795500000000 } from './1795500000000-InnovationCounts';
import { IndexEditions1795510000000 } from './1795510000000-IndexEditions';
import { AccountTokens1795600000000 } from './1795600000000-AccountTokens';
import { ScaleOut1795600000001 } from './1795600000001-ScaleOut';
import { Issue18Rules1795600000002 } from './1795600000002-Issue18Rules';
import { CitizensVoice1795600000003 } from './1795600000003-CitizensVoice';
import { RegionTags1795700000000 } from './1795700000000-RegionTags';
import { ScreeningCorrection1795710000000 } from './1795710000000-ScreeningCorrection';
import { ReasonCodes1795710000001 } from './1795710000001-ReasonCodes';
import { RegionAnswerOwner1795720000000 } from './1795720000000-RegionAnswerOwner';
import { RegionAwards1795740000000 } from './1795740000000-RegionAwards';
import { SnapshotInputText1795760000000 } from './1795760000000-SnapshotInputText';
import { IndexSurveyAnswers1795770000000 } from './1795770000000-IndexSurveyAnswers';
import { Operations1795780000000 } from './1795780000000-Operations';
import { OperationFiles1795790000000 } from './1795790000000-OperationFiles';
import { InnovationsByOrganization1795810000000 } from './1795810000000-InnovationsByOrganization';
import { OutboxDeliveryLease1795820000000 } from './1795820000000-OutboxDeliveryLease';
import { IndexSnapshotInputText1795830000000 } from './1795830000000-IndexSnapshotInputText';
import { IndexSnapshotInputGzip1795880000000 } from './1795880000000-IndexSnapshotInputGzip';
import { IndexInternalNotes1795840000000 } from './1795840000000-IndexInternalNotes';
import { JurorListStamps1795870000000 } from './1795870000000-JurorListStamps';

/** Every migration, in order. An explicit list: bundlers break globs. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795485076799,
  Submissions1795485810948,
  Notifications1795486368106,
  Judging1795486488079,
  Results1795486844639,
  ListIndex1795491043091,
  InnovationCounts1795500000000,
  IndexEditions1795510000000,
  AccountTokens1795600000000,
  ScaleOut1795600000001,
  Issue18Rules1795600000002,
  CitizensVoice1795600000003,
  RegionTags1795700000000,
  ScreeningCorrection1795710000000,
  ReasonCodes1795710000001,
  RegionAnswerOwner1795720000000,
  RegionAwards1795740000000,
  SnapshotInputText1795760000000,
  IndexSurveyAnswers1795770000000,
  Operations1795780000000,
  OperationFiles1795790000000,
  InnovationsByOrganization1795810000000,
  OutboxDeliveryLease1795820000000,
  IndexSnapshotInputText1795830000000,
  IndexInternalNotes1795840000000,
  JurorListStamps1795870000000,
  IndexSnapshotInputGzip1795880000000,
];
