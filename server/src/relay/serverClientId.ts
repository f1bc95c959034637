/**
 * The Yjs client id under which the server writes its own changes to a room's documents:
 * anonymous cards at a reveal, text upgrades when a room loads, the private document. One
 * constant, so a client update that carries structs under it can be refused as an impersonation
 * of the server, and so every card the server publishes on an anonymous board carries this id and
 * no one else's. A random client picks it with odds 2^-32.
 */
export const SERVER_CLIENT_ID = 1;
