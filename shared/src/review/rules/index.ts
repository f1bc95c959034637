import { initiativeHasOwner, initiativeLinked } from './initiatives.ts';
import { krDeadlineInCycle, krDirection, krHasBaseline, krHasDeadline, krHasNumber, krHasOwner, krHasTarget } from './keyResultFields.ts';
import { confidenceCalibration, krAllLagging, krCount, krCounterMetric } from './keyResultSet.ts';
import { krActivityCount, krIsInitiative } from './keyResultWording.ts';
import { objectiveLength, objectiveLinkedContext, objectiveNoNumbers, objectiveNotOutput, singleObjective } from './objective.ts';
import { parkedReasons } from './parked.ts';

/** The catalogue, in the order findings are listed: the objective first, then its key results, then the work. */
export const RULES = [
  singleObjective,
  objectiveNoNumbers,
  objectiveNotOutput,
  objectiveLength,
  objectiveLinkedContext,
  parkedReasons,
  krCount,
  krHasNumber,
  krHasBaseline,
  krHasTarget,
  krHasDeadline,
  krDeadlineInCycle,
  krHasOwner,
  krDirection,
  krIsInitiative,
  krActivityCount,
  krAllLagging,
  krCounterMetric,
  confidenceCalibration,
  initiativeLinked,
  initiativeHasOwner,
] as const;

export type RuleId = (typeof RULES)[number]['id'];
