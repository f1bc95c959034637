import { useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { usePresentPages } from './usePresentPages.ts';

/** The facilitator turns the projector's pages of the current step (or of the Summary); hidden when it has one page. */
export function ProjectorPager() {
  const room = useRoom();
  const { step } = useControl();
  const { pages, index } = usePresentPages(step);
  if (pages.length < 2) return null;
  return (
    <span className="projector-pager" role="group" aria-label="Projector pages">
      <button type="button" onClick={() => room.control.setPresentPage(index - 1)} disabled={index === 0} aria-label="Previous projector page">
        ‹
      </button>
      {/* "Projector" is said by the group's name, "Page … of" to screen readers only: the bar stays one line at 1280 px. */}
      <span aria-live="polite">
        <span className="visually-hidden">Page </span>
        {index + 1}
        <span aria-hidden="true">/</span>
        <span className="visually-hidden"> of </span>
        {pages.length}
      </span>
      <button type="button" onClick={() => room.control.setPresentPage(index + 1)} disabled={index === pages.length - 1} aria-label="Next projector page">
        ›
      </button>
    </span>
  );
}
