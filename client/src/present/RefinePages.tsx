import { findingKey, type Finding } from '@okr/shared/review';
import { KR_DIRECTION_LABELS, type KeyResult } from '@okr/shared/schema';
import { confidenceLabel, KR_TYPE_LABELS, LEAD_LAG_LABELS, levelsPhrase, SEVERITY_LABELS } from '@okr/shared/export';
import { useControl } from '../sync/hooks.ts';
import { formatDay } from '../components/formatDay.ts';
import { useBoardReview, useDismissals } from '../steps/refine/useReview.ts';

/** Findings on this key result the room has not dismissed, errors first. */
export function useOpenFindings(keyResultId: string | null): Finding[] {
  const findings = useBoardReview();
  const dismissed = useDismissals();
  const rank = { error: 0, warning: 1, info: 2 };
  return findings
    .filter((f) => f.target.kind === 'keyResult' && f.target.id === keyResultId && !dismissed.has(findingKey(f)))
    .sort((a, b) => rank[a.severity] - rank[b.severity]);
}

/** "Average 3.5 / 5" once the facilitator revealed the room's blind votes; else the kept confidence, if any. */
function useConfidenceText(kr: KeyResult): string | undefined {
  const { confidenceRevealed, confidenceResults } = useControl();
  // The server writes the revealed votes' mean (ballots stay on the server until then).
  const average = confidenceRevealed[kr.id] ? confidenceResults[kr.id]?.average : undefined;
  if (average !== undefined) return `Average ${confidenceLabel(average)}`;
  return kr.confidence !== undefined ? confidenceLabel(kr.confidence) : undefined;
}

/** The fields a key result has, as "label: value" pairs; unset ones say so, since the room fills them in. */
function keyResultFields(kr: KeyResult, confidence: string | undefined): [string, string][] {
  const unset = '—';
  return [
    ['Metric', kr.metricName ?? unset],
    ['From → to', levelsPhrase(kr) ?? unset],
    ['By', kr.deadline ? formatDay(kr.deadline) : unset],
    ['Owner', kr.ownerName ?? unset],
    ['Kind', [kr.type && KR_TYPE_LABELS[kr.type], kr.direction && KR_DIRECTION_LABELS[kr.direction], kr.leadLag && LEAD_LAG_LABELS[kr.leadLag]].filter(Boolean).join(' · ') || unset],
    ['Confidence', confidence ?? unset],
  ];
}

/** A key result's fields in a grid, read from the back of the room. */
export function KeyResultFields({ kr }: { kr: KeyResult }) {
  const confidence = useConfidenceText(kr);
  return (
    <dl className="projector-fields">
      {keyResultFields(kr, confidence).map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** SMART refine's first page: THE objective and every key result on one line, with what the checks still say. */
export function RefineOverview({ keyResults }: { keyResults: readonly KeyResult[] }) {
  const { objective } = useControl();
  return (
    <>
      {objective && <p className="projector-objective">{objective.title}</p>}
      {keyResults.length === 0 ? (
        <p className="projector-empty">No key results yet.</p>
      ) : (
        <ol className="projector-rows" aria-label="Key results">
          {keyResults.map((kr) => (
            <OverviewRow key={kr.id} kr={kr} />
          ))}
        </ol>
      )}
    </>
  );
}

/** One key result on a line, then what the room has settled: metric, levels, confidence, and open findings. */
function OverviewRow({ kr }: { kr: KeyResult }) {
  const findings = useOpenFindings(kr.id);
  const confidence = useConfidenceText(kr);
  const metric = kr.metricName && (kr.unit ? `${kr.metricName} (${kr.unit})` : kr.metricName);
  const count = findings.length === 0 ? 'no findings' : `${findings.length} finding${findings.length > 1 ? 's' : ''}`;
  return (
    <li aria-label={kr.title}>
      <span className="projector-row-text">{kr.title}</span>
      <span className="projector-row-meta">{[metric, levelsPhrase(kr), confidence, count].filter(Boolean).join(' · ')}</span>
    </li>
  );
}

/** One key result per page: its fields and its findings, large enough to refine together. */
export function KeyResultPage({ index, keyResults }: { index: number; keyResults: readonly KeyResult[] }) {
  const kr = keyResults[index];
  const findings = useOpenFindings(kr?.id ?? null);
  if (!kr) return <p className="projector-empty">This key result was deleted.</p>;
  const shown = findings.slice(0, 2);
  return (
    <article className="projector-kr" aria-label={`Key result ${index + 1}: ${kr.title}`}>
      <p className="projector-note-label">
        Key result {index + 1} of {keyResults.length}
      </p>
      <h3 className="projector-kr-title">{kr.title}</h3>
      <KeyResultFields kr={kr} />
      {findings.length > 0 && (
        <ul className="projector-findings" aria-label="Findings">
          {shown.map((f) => (
            <li key={findingKey(f)} className={`projector-finding-${f.severity}`}>
              <strong>{SEVERITY_LABELS[f.severity]}:</strong> {f.message}
            </li>
          ))}
          {findings.length > shown.length && <li>and {findings.length - shown.length} more on the facilitator’s screen</li>}
        </ul>
      )}
    </article>
  );
}
