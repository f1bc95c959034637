import { STEPS, agendaReport } from '@okr/shared/workshop';
import { levelsPhrase, confidenceLabel } from '@okr/shared/export';
import type { KeyResult } from '@okr/shared/schema';
import { useControl } from '../sync/hooks.ts';
import { serverNow } from '../sync/serverClock.ts';
import type { ProjectorContent } from './usePresentPages.ts';
import { AgendaTable } from '../steps/summary/AgendaTable.tsx';
import { ProjectorFromNotes } from './CardPages.tsx';
import { formatDay } from '../components/formatDay.ts';

/** The Summary's first page: THE objective and its key results, each with its numbers, deadline and owner. */
export function OkrPage({ keyResults }: { keyResults: readonly KeyResult[] }) {
  const { objective } = useControl();
  return (
    <>
      <p className="projector-objective">{objective?.title ?? 'No objective confirmed yet.'}</p>
      <ProjectorFromNotes notes={objective?.fromNotes} />
      <ol className="projector-rows" aria-label="Key results">
        {keyResults.map((kr) => (
          <li key={kr.id} aria-label={kr.title}>
            <span className="projector-row-text">{kr.title}</span>
            <span className="projector-row-meta">
              {[levelsPhrase(kr), kr.deadline && `by ${formatDay(kr.deadline)}`, kr.ownerName, kr.confidence !== undefined && confidenceLabel(kr.confidence)].filter(Boolean).join(' · ')}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}

export function InitiativesPage({ from, to, content }: { from: number; to: number; content: ProjectorContent }) {
  const titles = new Map(content.keyResults.map((kr, i) => [kr.id, `KR ${i + 1}`]));
  return (
    <>
      <h3 className="projector-subheading">Initiatives</h3>
      <ul className="projector-grid projector-grid-2" aria-label="Initiatives">
        {content.initiatives.slice(from, to).map((initiative) => (
          <li key={initiative.id} className="projector-note projector-note-blue" aria-label={initiative.title}>
            <span className="projector-note-text">{initiative.title}</span>
            <span className="projector-note-detail">
              {[initiative.ownerName && `Owner: ${initiative.ownerName}`, initiative.keyResultIds.length > 0 && `Moves ${initiative.keyResultIds.map((id) => titles.get(id)).filter(Boolean).join(', ')}`]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** How THE objective was chosen: the tally, the rationale, and the facilitator's notes. */
export function DecisionPage() {
  const { objective, notes } = useControl();
  const noted = STEPS.filter((step) => notes[step.id]);
  return (
    <div className="projector-columns">
      <div>
        <h3 className="projector-subheading">The vote</h3>
        {objective ? (
          <ol className="projector-tally" aria-label="Tally">
            {objective.tally.slice(0, 5).map((entry) => (
              <li key={entry.candidateId}>
                <span className="projector-row-text">{entry.text}</span> <strong>{entry.votes} {entry.votes === 1 ? 'dot' : 'dots'}</strong>
              </li>
            ))}
          </ol>
        ) : (
          <p>No objective confirmed yet.</p>
        )}
        {objective?.rationale && <p className="projector-rationale">Why: {objective.rationale}</p>}
      </div>
      <div>
        <h3 className="projector-subheading">Notes</h3>
        {noted.length === 0 ? (
          <p>No notes.</p>
        ) : (
          <ul className="projector-notes" aria-label="Discussion notes">
            {noted.slice(0, 4).map((step) => (
              <li key={step.id}>
                <strong>{step.title}:</strong> {notes[step.id]}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** Planned against actual minutes per step (actual: the group's visits, from the facilitator's moves); the Summary is not timed, so it stays put. */
export function AgendaPage() {
  const { agenda, stepLog } = useControl();
  return <AgendaTable rows={agendaReport(agenda, stepLog, serverNow())} className="projector-agenda" caption="Agenda: planned and actual time" />;
}
