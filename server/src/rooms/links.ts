/** The links a room is opened with. The facilitator key travels in the fragment, which browsers never send to servers or logs. */
export function roomLinks(baseUrl: string, room: { id: string; facilitatorKey?: string; viewerKey?: string }) {
  return {
    participantUrl: `${baseUrl}/r/${room.id}`,
    facilitatorUrl: room.facilitatorKey ? `${baseUrl}/r/${room.id}#key=${room.facilitatorKey}` : undefined,
    viewerUrl: room.viewerKey ? `${baseUrl}/v/${room.viewerKey}` : undefined,
  };
}
