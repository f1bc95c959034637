/**
 * The links a room is opened with. Keys travel in the fragment, which browsers never send to
 * servers or logs: the facilitator's (`#key=`) and, once the participant link was rotated, the
 * participant's (`#join=`). Until then `/r/<roomId>` alone is the participant link.
 */
export function roomLinks(baseUrl: string, room: { id: string; facilitatorKey?: string; viewerKey?: string | null; participantKey?: string | null }) {
  return {
    participantUrl: room.participantKey ? `${baseUrl}/r/${room.id}#join=${room.participantKey}` : `${baseUrl}/r/${room.id}`,
    facilitatorUrl: room.facilitatorKey ? `${baseUrl}/r/${room.id}#key=${room.facilitatorKey}` : undefined,
    viewerUrl: room.viewerKey ? `${baseUrl}/v/${room.viewerKey}` : undefined,
  };
}
