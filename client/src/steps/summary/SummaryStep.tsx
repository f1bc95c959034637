import { CHECK_IN_PHRASES, confidenceLabel, KR_TYPE_LABELS, LEAD_LAG_LABELS, levelsPhrase, SEVERITY_LABELS, withoutKindPrefix, type OkrExport } from '@okr/shared/export';
import { NoteList } from '../pick/FromNotes.tsx';
import { findingKey } from '@okr/shared/review';
import { CONTEXT_KIND_LABELS, KR_DIRECTION_LABELS } from '@okr/shared/schema';
import { isRevisitOverdue, localDay, ownerLabel, tiedWith } from '@okr/shared/workshop';
import { useStepAccess } from '../../sync/useStepAccess.ts';
import { ExportActions } from './ExportActions.tsx';
import { NotesSection } from './NotesSection.tsx';
import { AgendaSection } from './AgendaSection.tsx';
import { useExport } from './useExport.ts';
import { formatDay } from '../../components/formatDay.ts';
import './summary.css';

type Owner = OkrExport['keyResults'][number]['owner'];

/**
 * The OKRs exactly as they will be exported: rendered from `buildExport`, the function behind every
 * download, so what the room agrees on here is what other tools receive. Printed (or saved as PDF),
 * it is the record on paper: the board's chrome and every control are left out (summary.css).
 */
export function SummaryStep({ readOnly }: { readOnly: boolean }) {
  const { projector: presenting, facilitating } = useStepAccess(readOnly);
  const result = useExport();
  if (!result.ok) {
    return (
      <p role="alert" className="error">
        The summary cannot be built: {result.error}
      </p>
    );
  }
  const file = result.file;
  const showExport = facilitating;
  return (
    <div className={`summary${presenting ? ' summary-presenting' : ''}`}>
      {showExport && <ExportActions />}
      <h2 className="summary-print-title">{file.workshop.title.trim() || 'OKR workshop'}</h2>
      <Header file={file} />
      <ObjectiveSection file={file} />
      <KeyResultsSection file={file} />
      <InitiativesSection file={file} />
      <ParkedSection file={file} />
      <NotesSection file={file} />
      <AgendaSection file={file} />
      <FindingsSection file={file} />
    </div>
  );
}

function Header({ file }: { file: OkrExport }) {
  const { team, cycle } = file.workshop;
  const { checkInCadence, firstCheckIn } = file.tracking;
  const facts = [
    team && `Team ${team}`,
    (cycle.label || cycle.start) && [cycle.label, cycle.start && cycle.end ? `${cycle.start} to ${cycle.end}` : cycle.start].filter(Boolean).join(', '),
    checkInCadence && `${CHECK_IN_PHRASES[checkInCadence]}${firstCheckIn ? ` from ${firstCheckIn}` : ''}`,
  ].filter(Boolean);
  if (facts.length === 0) return null;
  return <p className="summary-facts">{facts.join(' · ')}</p>;
}

function ObjectiveSection({ file }: { file: OkrExport }) {
  const objective = file.objective;
  if (!objective) {
    return (
      <section className="summary-section summary-objective" aria-label="Objective">
        <h3>Objective</h3>
        <p className="muted">No objective confirmed yet.</p>
      </section>
    );
  }
  const served = objective.contextIds.flatMap((id) => file.context.filter((item) => item.id === id));
  const { tally, rationale, decidedAt } = objective.decision;
  const ranked = [...tally].sort((a, b) => b.votes - a.votes);
  const total = tally.reduce((sum, entry) => sum + entry.votes, 0);
  const tied = tiedWith(tally, objective.candidateId);
  return (
    <section className="summary-section summary-objective" aria-label="Objective">
      <h3>
        Objective <span className={`commitment commitment-${objective.commitment}`}>{objective.commitment === 'committed' ? 'Committed' : 'Aspirational'}</span>
      </h3>
      <p className="summary-objective-title">{objective.title}</p>
      {objective.description && <p className="summary-description">{objective.description}</p>}
      {served.length > 0 && (
        <div className="summary-serves">
          <h4>Serves</h4>
          <ul>
            {served.map((item) => (
              <li key={item.id}>
                <span className="summary-kind">{CONTEXT_KIND_LABELS[item.kind]}</span> {withoutKindPrefix(item.kind, item.text)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="summary-decision">
        <h4>Decision record</h4>
        <p>
          Confirmed {formatWhen(decidedAt)}
          {total > 0 ? ` after a vote of ${total} dot${total === 1 ? '' : 's'}` : ''}.
          {tied.length > 0 && ` It was tied with ${tied.map((entry) => `“${entry.text}”`).join(' and ')}; the group chose this one.`}
          {rationale ? ` Rationale: ${rationale}` : ' No rationale recorded.'}
        </p>
        {objective.decision.fromNotes.length > 0 && <NoteList notes={objective.decision.fromNotes} lead="Chosen as a cluster of notes:" label="From notes" />}
        {ranked.length > 0 && (
          <ol className="summary-tally" aria-label="Vote tally">
            {ranked.map((entry) => (
              <li key={entry.candidateId} className={entry.candidateId === objective.candidateId ? 'chosen' : undefined}>
                <span className="tally-votes">{entry.votes}</span> {entry.text}
                {entry.candidateId === objective.candidateId && <span className="tally-chosen"> — chosen</span>}
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

function KeyResultsSection({ file }: { file: OkrExport }) {
  return (
    <section className="summary-section" aria-label="Key results">
      <h3>Key results</h3>
      {file.keyResults.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <table className="summary-krs">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Key result</th>
              <th scope="col">Metric</th>
              <th scope="col">Baseline → target</th>
              <th scope="col">Deadline</th>
              <th scope="col">Owner</th>
              <th scope="col">Confidence</th>
            </tr>
          </thead>
          <tbody>
            {file.keyResults.map((kr, index) => {
              const kind = [kr.type && KR_TYPE_LABELS[kr.type], kr.direction && KR_DIRECTION_LABELS[kr.direction], kr.leadLag && LEAD_LAG_LABELS[kr.leadLag]].filter(Boolean).join(' · ');
              return (
                <tr key={kr.id}>
                  <td data-label="#" className="kr-index">
                    KR {index + 1}
                  </td>
                  <th scope="row" data-label="Key result">
                    {kr.title}
                    {kind && <span className="summary-sub">{kind}</span>}
                  </th>
                  <td data-label="Metric">{kr.metric.name ? `${kr.metric.name}${kr.metric.unit ? ` (${kr.metric.unit})` : ''}` : <Missing />}</td>
                  <td data-label="Baseline → target" className="num">
                    {levelsPhrase({ ...kr, unit: kr.metric.unit }) ?? <Missing />}
                  </td>
                  <td data-label="Deadline" className="nowrap">
                    {kr.deadline ? <time dateTime={kr.deadline}>{formatDay(kr.deadline)}</time> : <Missing />}
                  </td>
                  <td data-label="Owner">
                    <OwnerText owner={kr.owner} />
                  </td>
                  <td data-label="Confidence" className="num nowrap">
                    {kr.confidence === null ? <Missing /> : confidenceLabel(kr.confidence)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function InitiativesSection({ file }: { file: OkrExport }) {
  if (file.initiatives.length === 0) return null;
  const number = new Map(file.keyResults.map((kr, index) => [kr.id, { n: index + 1, title: kr.title }]));
  return (
    <section className="summary-section" aria-label="Initiatives">
      <h3>Initiatives</h3>
      <ul className="summary-list">
        {file.initiatives.map((initiative) => {
          const serves = initiative.keyResultIds.flatMap((id) => {
            const kr = number.get(id);
            return kr ? [kr] : [];
          });
          return (
            <li key={initiative.id}>
              <strong>{initiative.title}</strong>
              <span className="summary-sub">
                Owner: {ownerLabel(initiative.owner) ?? <Missing />} · {serves.length > 0 ? `serves ${serves.map((kr) => `KR ${kr.n} (${kr.title})`).join(', ')}` : 'serves no key result yet'}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ParkedSection({ file }: { file: OkrExport }) {
  if (file.parked.length === 0) return null;
  const today = localDay(new Date());
  return (
    <section className="summary-section" aria-label="Parked">
      <h3>Parked</h3>
      <ul className="summary-list">
        {file.parked.map((item) => (
          <li key={item.id}>
            <strong>{item.text}</strong>
            <span className="summary-sub">
              {item.reason.trim() ? `Reason: ${item.reason}` : 'No reason given'}
              {item.owner && ` · owner: ${ownerLabel(item.owner)}`}
              {item.revisitDate ? ` · revisit ${item.revisitDate}` : ''}
              {isRevisitOverdue(item.revisitDate, today) && <span className="summary-overdue"> (date has passed)</span>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function FindingsSection({ file }: { file: OkrExport }) {
  const dismissed = file.dismissedFindings.length;
  if (file.findings.length === 0 && dismissed === 0) return null;
  return (
    <section className="summary-section" aria-label="Remaining findings">
      <h3>Remaining findings</h3>
      {file.findings.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="summary-findings">
          {file.findings.map((finding) => (
            <li key={findingKey(finding)} className={`finding-${finding.severity}`}>
              <span className="summary-severity">{SEVERITY_LABELS[finding.severity]}</span> {finding.message}
            </li>
          ))}
        </ul>
      )}
      {dismissed > 0 && <p className="muted">{dismissed} dismissed on the board; listed in the JSON export.</p>}
    </section>
  );
}

function OwnerText({ owner }: { owner: Owner }) {
  if (!owner || (!owner.name && !owner.email)) return <Missing />;
  return (
    <>
      {owner.name || owner.email}
      {owner.name && owner.email && <span className="summary-email">{owner.email}</span>}
    </>
  );
}

function Missing() {
  return (
    <span className="missing">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">not set</span>
    </span>
  );
}

function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `on ${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}`;
}
