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
import { SnapshotInputText1795760000000 } from './1795760000000-SnapshotInputText';

/** Every migration, in order. An explicit list: bundlers break globs. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [Initial1795485076799, Submissions1795485810948, Notifications1795486368106, Judging1795486488079, Results1795486844639, ListIndex1795491043091, InnovationCounts1795500000000, IndexEditions1795510000000, AccountTokens1795600000000, ScaleOut1795600000001, Issue18Rules1795600000002, CitizensVoice1795600000003, RegionTags1795700000000, SnapshotInputText1795760000000];
