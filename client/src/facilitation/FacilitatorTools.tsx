import { useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { usePreferences } from '../state/preferences.ts';
import { ViewerLink } from './ViewerLink.tsx';
import { HistoryButton } from '../history/HistoryButton.tsx';
import { useFacilitatorLinks } from '../sync/useFacilitatorLinks.ts';
import { SpotlightPicker } from '../present/SpotlightPicker.tsx';
import { ProjectorPager } from '../present/ProjectorPager.tsx';
import { AgendaButton } from './AgendaDialog.tsx';
import { BarMenu } from '../components/BarMenu.tsx';
import { PeopleButton } from './PeopleDialog.tsx';
import { TimerSound } from './StepTimer.tsx';

/**
 * The facilitator's part of the bar: what they reach for while the room works (spotlight, projector
 * pages, Present) in the line, the projector's set-up (join QR, its link) in a menu, and History,
 * agenda, people (seats) and the timer's sound in More, so the bar is one line at 1280 px.
 */
export function FacilitatorTools() {
  const room = useRoom();
  const { joinUrl } = useControl();
  const setPresenting = usePreferences((s) => s.setPresenting);
  const links = useFacilitatorLinks();
  const participantUrl = room.access.kind === 'viewer' ? null : (links?.participantUrl ?? `${location.origin}/r/${room.access.roomId}`);
  return (
    <>
      <SpotlightPicker />
      <ProjectorPager />
      <button type="button" onClick={() => setPresenting(true)}>
        Present
      </button>
      <BarMenu label="Projector">
        <label className="inline-check">
          <input type="checkbox" checked={joinUrl !== null} onChange={(e) => room.control.set({ joinUrl: e.target.checked ? participantUrl : null })} />
          Join QR on projector
        </label>
        <ViewerLink />
      </BarMenu>
      <BarMenu label="More">
        <HistoryButton />
        <AgendaButton />
        <PeopleButton />
        <TimerSound />
      </BarMenu>
    </>
  );
}
