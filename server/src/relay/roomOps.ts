import { RoomRequests } from './roomRequests.ts';
import { seatOps } from './seatOps.ts';
import { voteOps } from './voteOps.ts';
import { anonymousOps } from './anonymousOps.ts';

/** Every op of the room request channel, by feature. A feature adds its ops here. */
export const ROOM_REQUESTS = new RoomRequests().register(seatOps).register(voteOps).register(anonymousOps);
