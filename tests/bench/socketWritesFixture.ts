import net from 'node:net';
import { countSocketWrites, socketWrites, type SocketWriteTally } from './socketWrites.ts';

// Run in its own process by socketWrites.test.ts (the counter wraps process-wide globals): a TCP
// server that answers each chunk it reads the way the case names, and a client that sends three
// chunks, each after the answer to the one before, so every chunk arrives in its own turn.
countSocketWrites();

type Answer = (socket: net.Socket) => void;
const ANSWERS: Record<string, Answer> = {
  'one write as the message arrives': (s) => s.write('a'),
  'two writes as the message arrives': (s) => {
    s.write('a');
    s.write('b');
  },
  'two writes in one corked batch': (s) => {
    s.cork();
    s.write('a');
    s.write('b');
    s.uncork();
  },
  // Ours: the answer waits for the end of the turn, and a stale immediate queued by the last turn's end runs first.
  'one write at the end of the turn, behind a stale immediate': (s) => {
    setImmediate(() => {
      s.write('a');
      setImmediate(() => {});
    });
  },
  // Ours under load: the next turn's end is queued before this turn's write, and writes in the next pass.
  'a write at the end of each of two turns, the second queued before the first write': (s) => {
    setImmediate(() => {
      setImmediate(() => s.write('b'));
      s.write('a');
    });
  },
  'one write now and one in the check phase after it': (s) => {
    s.write('a');
    setImmediate(() => s.write('b'));
  },
};

async function run(answer: Answer): Promise<SocketWriteTally> {
  const server = net.createServer((socket) => socket.on('data', () => answer(socket)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
  await new Promise((resolve) => client.once('connect', resolve));
  socketWrites(true);
  for (let i = 0; i < 3; i++) {
    client.write('x');
    // Wait for the whole answer (and a little more, so no answer's writes cross into the next chunk's turn).
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  const tally = socketWrites(true);
  client.destroy();
  await new Promise((resolve) => server.close(resolve));
  return tally;
}

const results: Record<string, SocketWriteTally> = {};
for (const [name, answer] of Object.entries(ANSWERS)) results[name] = await run(answer);
process.stdout.write(JSON.stringify(results));
