import { useEffect, useRef, useState } from 'react';
import { useRoom } from '../sync/RoomContext.tsx';
import { useControl } from '../sync/hooks.ts';
import { useRoomLinks, type RotatableLink } from '../sync/roomLinks.ts';
import { useFacilitatorLinks } from '../sync/useFacilitatorLinks.ts';
import { useMyWorkshops } from '../state/myWorkshops.ts';
import { forgetJustCreated, wasJustCreated } from '../app/justCreated.ts';
import { CopyField } from './CopyField.tsx';
import './links.css';

const ROTATIONS: { link: RotatableLink; label: string; warning: string }[] = [
  { link: 'participant', label: 'New participant link', warning: 'Everyone who joined with the old link is disconnected until you give them the new one.' },
  { link: 'viewer', label: 'New projector link', warning: 'The projector is disconnected until it opens the new link.' },
  { link: 'facilitator', label: 'New facilitator link', warning: 'Every device using your old link (co-facilitators too) loses it; this one switches to the new link.' },
];

/**
 * Every link of the board for whoever holds the facilitator key, on any device: their own link
 * to keep, the projector link, and replacing any of them. Open by itself right after creation,
 * so the facilitator sees the link that gets the board back. `participantUrl`: the link to hand
 * out, shown here too where the header has no room for it (a phone).
 */
export function LinkPanel({ participantUrl }: { participantUrl: string | null }) {
  const room = useRoom();
  const links = useFacilitatorLinks();
  const rotate = useRoomLinks((s) => s.rotate);
  const remember = useMyWorkshops((s) => s.remember);
  const roomId = room.access.kind === 'facilitator' ? room.access.roomId : '';
  const key = room.access.kind === 'facilitator' ? room.access.key : '';
  // Open from the first render after creation, not from an effect after it: the toggle never shows
  // "closed" for a moment, so a click in that moment cannot close the panel as it opens.
  const [open, setOpen] = useState(() => wasJustCreated(roomId));
  const [confirming, setConfirming] = useState<RotatableLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const { step } = useControl();
  useEffect(() => forgetJustCreated(roomId), [roomId]);
  // Open after creation it took a third of a laptop's screen at every step, showing the facilitator
  // key to anyone watching a shared screen: once the group moves on, it has done its job.
  const openedAt = useRef(step);
  useEffect(() => {
    if (step !== openedAt.current) setOpen(false);
    openedAt.current = step;
  }, [step]);
  const hide = () => {
    setOpen(false);
    setConfirming(null);
    toggle.current?.focus();
  };

  const replace = async (link: RotatableLink) => {
    setError(null);
    try {
      const next = await rotate(roomId, key, link);
      setConfirming(null);
      if (link === 'facilitator') {
        remember({ roomId, facilitatorKey: next.facilitatorKey });
        // The new key goes through the address bar's fragment like any link, and leaves it at once.
        location.replace(`${location.pathname}#key=${next.facilitatorKey}`);
      }
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <div className="link-panel">
      <button ref={toggle} type="button" aria-expanded={open} aria-controls="link-panel" onClick={() => setOpen(!open)}>
        All links
      </button>
      {open && (
        <section id="link-panel" className="link-panel-body" aria-label="Board links">
          {participantUrl && <CopyField label="Participant link" value={participantUrl} />}
          <p className="keep-note">
            <strong>Keep this link: it runs the workshop.</strong> It opens this board with your rights on any device; this browser also lists it on the home page.
          </p>
          {links ? (
            <>
              <CopyField label="Your facilitator link" value={links.facilitatorUrl} />
              {links.viewerUrl ? <CopyField label="Projector link" value={links.viewerUrl} /> : <p>No projector link yet: make a new one below.</p>}
            </>
          ) : (
            <p>Loading the links…</p>
          )}
          <div className="rotations">
            {ROTATIONS.map(({ link, label, warning }) =>
              confirming === link ? (
                <div key={link} role="group" aria-label={label} className="confirm-rotation">
                  <p>{warning} The old link will say it no longer opens this board.</p>
                  <button type="button" className="danger" onClick={() => void replace(link)}>
                    Replace it
                  </button>
                  <button type="button" onClick={() => setConfirming(null)}>
                    Keep the old one
                  </button>
                </div>
              ) : (
                <button key={link} type="button" onClick={() => setConfirming(link)}>
                  {label}…
                </button>
              ),
            )}
          </div>
          {error && <p role="alert" className="error">{error}</p>}
          <button type="button" className="link-panel-hide" onClick={hide}>
            Hide links
          </button>
        </section>
      )}
    </div>
  );
}
