/**
 * The Yjs client id under which the server writes to a room's documents: anonymous cards at a
 * reveal, text upgrades, restores. One constant, so a client update that carries structs under it
 * can be refused as an impersonation of the server, and so every card the server publishes on an
 * anonymous board carries this id and no one else's. A random client picks it with odds 2^-32.
 */
export const SERVER_CLIENT_ID = 1;
