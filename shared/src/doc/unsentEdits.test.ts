import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from './boardDoc.ts';
import { createUndoManager } from './undo.ts';
import { UnsentEdits } from './unsentEdits.ts';

function synced(): { server: BoardDoc; device: BoardDoc; unsent: UnsentEdits } {
  const server = new BoardDoc();
  server.addContextItem({ kind: 'mission', text: 'already shared' });
  const device = new BoardDoc();
  Y.applyUpdate(device.ydoc, Y.encodeStateAsUpdate(server.ydoc));
  return { server, device, unsent: new UnsentEdits(device, createUndoManager(device)) };
}

describe('UnsentEdits', () => {
  it('tracks local edits only, until they are marked sent', () => {
    const { server, device, unsent } = synced();
    server.addCandidate({ text: 'someone else' });
    Y.applyUpdate(device.ydoc, Y.encodeStateAsUpdate(server.ydoc));
    expect(unsent.any()).toBe(false);
    device.addCandidate({ text: 'mine' });
    expect(unsent.any()).toBe(true);
    unsent.markSent();
    expect(unsent.any()).toBe(false);
  });

  it('discards an added card and a deletion, and what it then sends carries none of the discarded text', () => {
    const { server, device, unsent } = synced();
    const [shared] = device.contextItems.list();
    device.addCandidate({ text: 'secret draft' });
    device.transact(() => device.contextItems.remove(shared!.id));
    unsent.discard();
    expect(device.candidates.list()).toEqual([]);
    expect(device.contextItems.list().map((i) => i.text)).toEqual(['already shared']);
    expect(unsent.any()).toBe(false);

    const sent = Y.encodeStateAsUpdate(device.ydoc, Y.encodeStateVector(server.ydoc));
    expect(String.fromCharCode(...sent)).not.toContain('secret draft');
    Y.applyUpdate(server.ydoc, sent);
    expect(server.candidates.list()).toEqual([]);
    expect(server.contextItems.list().map((i) => i.text)).toEqual(['already shared']);
  });
});
