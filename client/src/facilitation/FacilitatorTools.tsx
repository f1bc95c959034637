import { useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { usePreferences } from '../state/preferences.ts';
import { ViewerLink } from './ViewerLink.tsx';
import { HistoryButton } from '../history/HistoryButton.tsx';
import { useFacilitatorLinks } from '../sync/useFacilitatorLinks.ts';
import { SpotlightPicker } from '../present/SpotlightPicker.tsx';
import { ProjectorPager } from '../present/ProjectorPager.tsx';
import { AgendaButton } from './AgendaDialog.tsx';
import { PeopleButton } from './PeopleDialog.tsx';

/** The facilitator's part of the bar: join QR on the projector, projector link, History, agenda, people (seats), spotlight, projector pages and Present. */
export function FacilitatorTools() {
  const room = useRoom();
  const { joinUrl } = useControl();
  const setPresenting = usePreferences((s) => s.setPresenting);
  const links = useFacilitatorLinks();
  const participantUrl = room.access.kind === 'viewer' ? null : (links?.participantUrl ?? `${location.origin}/r/${room.access.roomId}`);
  return (
    <>
      <label className="inline-check">
        <input type="checkbox" checked={joinUrl !== null} onChange={(e) => room.control.set({ joinUrl: e.target.checked ? participantUrl : null })} />
        Join QR on projector
      </label>
      <ViewerLink />
      <HistoryButton />
      <AgendaButton />
      <PeopleButton />
      <SpotlightPicker />
      <ProjectorPager />
      <button type="button" onClick={() => setPresenting(true)}>
        Present
      </button>
    </>
  );
}
