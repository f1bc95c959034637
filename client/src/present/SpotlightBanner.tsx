import { useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { useSpotlit } from './useSpotlight.ts';

/** On every board: what the facilitator put in the spotlight, so laptops and phones look at it with the room. */
export function SpotlightBanner() {
  const room = useRoom();
  const { spotlight } = useControl();
  const item = useSpotlit();
  if (!spotlight) return null;
  return (
    <div className="spotlight-banner" role="status" aria-label="Spotlight">
      <span>
        {item ? (
          <>
            <span className="spotlight-kind">Spotlight · {item.kind}:</span> <strong>{item.text}</strong>
          </>
        ) : (
          'The spotlit card is no longer on the board.'
        )}
      </span>
      {room.isFacilitator && (
        <button type="button" onClick={() => room.control.setSpotlight(null)}>
          Clear spotlight
        </button>
      )}
    </div>
  );
}
