import { useEffect, useState } from 'react';
import type { SeatRow } from '@okr/shared/protocol';
import type { RoomConnection } from '../sync/roomConnection.ts';

/**
 * The room's seats as the server lists them for the facilitator: asked for once, then kept up by
 * the `seats` events the server pushes when people come, go, show themselves or are renamed, and
 * asked again when the open round's progress changes (who has voted). Null until the first answer.
 */
export function useSeats(room: RoomConnection): { seats: SeatRow[] | null; error: string | null; refresh: () => void } {
  const [seats, setSeats] = useState<SeatRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let live = true;
    room.requests
      .request<SeatRow[]>('listSeats')
      .then((rows) => live && (setSeats(rows), setError(null)))
      .catch((err: Error) => live && setError(err.message));
    return () => {
      live = false;
    };
  }, [room, asked]);
  useEffect(() => {
    // `on` replays the last list heard, which may be older than the answer above: only new pushes count.
    let first = true;
    const stopSeats = room.requests.on('seats', (rows) => {
      if (!first) setSeats(rows as SeatRow[]);
    });
    first = false;
    const stopVotes = room.votes.subscribe(() => setAsked((n) => n + 1));
    return () => {
      stopSeats();
      stopVotes();
    };
  }, [room]);
  return { seats, error, refresh: () => setAsked((n) => n + 1) };
}
