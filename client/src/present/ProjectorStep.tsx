import { Suspense } from 'react';
import type { CanvasStep, StepId } from '@okr/shared/schema';
import { stepInfo, type PresentPage } from '@okr/shared/workshop';
import { usePresentPages, type ProjectorContent } from './usePresentPages.ts';
import { CandidateGroups, ParkedCards, ProjectorObjective } from './CardPages.tsx';
import { useControl } from '../sync/hooks.ts';
import { CanvasPage } from './CanvasPage.tsx';
import { keyResultPage, refineOverview } from '../facilitation/facilitatorChunks.ts';
import { AgendaPage, DecisionPage, InitiativesPage, OkrPage } from './SummaryPages.tsx';

/**
 * The current step as the room sees it on the projector: one page of it at a time, sized to fit the
 * screen whole (no scrolling), the facilitator turning pages. Context, Draft objectives and
 * Brainstorm show their canvas a region at a time (canvasPages), or following the facilitator's view.
 */
export function ProjectorStep({ step }: { step: StepId }) {
  const { pages, index, content } = usePresentPages(step);
  const { objective } = useControl();
  const info = stepInfo(step);
  const page = pages[index]!;
  return (
    <section className="projector-step" aria-labelledby="step-heading">
      <div className="projector-heading">
        <h2 id="step-heading">
          {info.number !== null && <span className="step-number">Step {info.number}</span>} {info.title}
        </h2>
        {pages.length > 1 && (
          <p className="projector-page-number">
            Page {index + 1} of {pages.length}
          </p>
        )}
      </div>
      {/* In Brainstorm THE objective is what the step is for: it takes the purpose's line, which leaves the canvas three rows of notes at 28 px. */}
      {step === 'brainstorm' && objective ? <ProjectorObjective /> : <p className="purpose">{info.purpose}</p>}
      <div className="projector-page">
        <Suspense fallback={null}>
          <PageBody step={step} page={page} content={content} />
        </Suspense>
      </div>
    </section>
  );
}

function PageBody({ step, page, content }: { step: StepId; page: PresentPage; content: ProjectorContent }) {
  const RefineOverview = refineOverview.Component;
  const KeyResultPage = keyResultPage.Component;
  switch (page.kind) {
    case 'canvas':
      return <CanvasPage step={step as CanvasStep} />;
    case 'groups':
      return <CandidateGroups step={step} from={page.from} to={page.to} groups={content.groups} />;
    case 'parked':
      return <ParkedCards from={page.from} to={page.to} content={content} showUnsorted={step === 'park'} />;
    case 'overview':
      return <RefineOverview keyResults={content.keyResults} />;
    case 'keyResult':
      return <KeyResultPage index={page.index} keyResults={content.keyResults} />;
    case 'okr':
      return <OkrPage keyResults={content.keyResults} />;
    case 'initiatives':
      return <InitiativesPage from={page.from} to={page.to} content={content} />;
    case 'decision':
      return <DecisionPage />;
    case 'agenda':
      return <AgendaPage />;
  }
}
