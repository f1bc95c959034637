import { createContext, useContext } from 'react';
import type { RoomConnection } from './roomConnection.ts';

export const RoomContext = createContext<RoomConnection | null>(null);

export function useRoom(): RoomConnection {
  const room = useContext(RoomContext);
  if (!room) throw new Error('useRoom must be used inside a board (RoomContext is missing).');
  return room;
}
