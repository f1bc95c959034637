import net from 'node:net';
import { countSocketWrites, socketWrites, type SocketWriteTally } from './socketWrites.ts';

// Run in its own process by socketWrites.test.ts (the counter wraps process-wide globals): a TCP
// server that answers each chunk it reads the way the case names, and a client that sends three
// chunks, each once it has the whole answer to the one before, so every chunk arrives in its own turn.
countSocketWrites();

type Answer = (socket: net.Socket) => void;
/** Each answer, and how many bytes it writes: the client waits for them all before the next chunk. */
const ANSWER_BYTES: Record<string, number> = {
  'one write as the message arrives': 1,
  'two writes as the message arrives': 2,
  'two writes in one corked batch': 2,
  'one write at the end of the turn, behind a stale immediate': 1,
  'a write at the end of each of two turns, the second queued before the first write': 2,
  'one write now and one in the check phase after it': 2,
};
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

async function run(answer: Answer, bytes: number): Promise<SocketWriteTally> {
  const server = net.createServer((socket) => socket.on('data', () => answer(socket)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
  await new Promise((resolve) => client.once('connect', resolve));
  let received = 0;
  let answered = () => {};
  client.on('data', (chunk: Buffer) => {
    received += chunk.length;
    answered();
  });
  socketWrites(true);
  for (let i = 1; i <= 3; i++) {
    client.write('x');
    // The whole answer, counted in bytes, not a fixed wait: on a loaded machine a wait could end
    // before the answer (the next chunk then shares its turn, or the socket closes under its write).
    await new Promise<void>((resolve) => {
      answered = () => received >= i * bytes && resolve();
      answered();
    });
  }
  const tally = socketWrites(true);
  client.end();
  await new Promise((resolve) => server.close(resolve));
  return tally;
}

const results: Record<string, SocketWriteTally> = {};
for (const [name, answer] of Object.entries(ANSWERS)) results[name] = await run(answer, ANSWER_BYTES[name]!);
process.stdout.write(JSON.stringify(results));
