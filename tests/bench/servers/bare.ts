import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * The ceiling: a websocket relay that does no CRDT work. Every frame from a client goes, as is, to
 * every other client on the same path. No state, no persistence, no sync: the least a relay can do.
 */
const port = Number(process.env.PORT);
const rooms = new Map<string, Set<WebSocket>>();
const server = http.createServer((_req, res) => res.end('bare'));
const wss = new WebSocketServer({ server, perMessageDeflate: false });

wss.on('connection', (ws, req) => {
  const name = req.url ?? '/';
  let room = rooms.get(name);
  if (!room) rooms.set(name, (room = new Set()));
  const members = room;
  members.add(ws);
  ws.on('message', (data, isBinary) => {
    for (const other of members) if (other !== ws) other.send(data, { binary: isBinary });
  });
  ws.on('close', () => {
    members.delete(ws);
    if (members.size === 0) rooms.delete(name);
  });
  ws.on('error', () => ws.terminate());
});

server.listen(port, '127.0.0.1', () => console.log(`bare relay on ${port}`));
