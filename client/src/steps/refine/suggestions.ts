import { directionFromWords, formatQuantity, parseKeyResultText, type DateContext } from '@okr/shared/review';
import { KR_DIRECTION_LABELS, type KeyResult } from '@okr/shared/schema';

export type TitleSuggestion = {
  id: 'metric' | 'levels' | 'deadline' | 'all';
  /** The button's words: exactly what would be written. */
  label: string;
  patch: Partial<KeyResult>;
};

type Patch = Partial<KeyResult>;

/**
 * What the title says that the card's empty fields do not, as offers the person accepts: never
 * written silently. "Checkout conversion rate from 58% to 65% by 30 Sep" on an empty card offers
 * the metric, "58% → 65%, increase" and the deadline, then all of them at once.
 */
export function titleSuggestions(kr: KeyResult, dates: DateContext): TitleSuggestion[] {
  const parsed = parseKeyResultText(kr.title, dates);
  const out: TitleSuggestion[] = [];

  if (parsed.metricName && !kr.metricName) {
    const name = parsed.metricName.slice(0, 200);
    out.push({ id: 'metric', label: `Use metric “${name}” from the title`, patch: { metricName: name } });
  }

  const levels: Patch = {};
  if (parsed.baseline !== undefined && kr.baseline === undefined) levels.baseline = parsed.baseline;
  if (parsed.target !== undefined && kr.target === undefined) levels.target = parsed.target;
  if (Object.keys(levels).length > 0) {
    if (parsed.unit && !kr.unit) levels.unit = parsed.unit.slice(0, 40);
    // Read against the baseline the card will have, as kr-direction reads it: "> 65%" from 58% is an increase.
    const direction = directionFromWords(parsed.direction, kr.baseline ?? parsed.baseline, kr.target ?? parsed.target);
    if (direction && !kr.direction) levels.direction = direction;
    const unit = kr.unit ?? parsed.unit;
    const words =
      levels.baseline !== undefined && levels.target !== undefined
        ? `${formatQuantity(levels.baseline, unit)} → ${formatQuantity(levels.target, unit)}`
        : levels.target !== undefined
          ? `target ${formatQuantity(levels.target, unit)}`
          : `baseline ${formatQuantity(levels.baseline ?? 0, unit)}`;
    const directionWords = levels.direction ? ` (${KR_DIRECTION_LABELS[levels.direction].toLowerCase()})` : '';
    out.push({ id: 'levels', label: `Use ${words}${directionWords} from the title`, patch: levels });
  }

  if (parsed.deadline && !kr.deadline) {
    out.push({ id: 'deadline', label: `Use deadline ${parsed.deadline} from the title`, patch: { deadline: parsed.deadline } });
  }

  if (out.length > 1) {
    out.push({ id: 'all', label: 'Use all of these', patch: Object.assign({}, ...out.map((s) => s.patch)) as Patch });
  }
  return out;
}
