import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BoardDoc, ControlDoc } from '@okr/shared/doc';
import type { PrivateWritingStep } from '@okr/shared/schema';

// The store persists to localStorage; Node has none, so give it an in-memory one.
vi.hoisted(() => {
  const data = new Map<string, string>();
  Object.assign(globalThis, {
    localStorage: {
      getItem: (key: string) => data.get(key) ?? null,
      setItem: (key: string, value: string) => data.set(key, String(value)),
      removeItem: (key: string) => data.delete(key),
    },
  });
});

const { useDrafts } = await import('./draftStore.ts');
const { publishDue } = await import('./publish.ts');

const ROOM = 'room-1';
const me = { id: 'ana-device', name: 'Ana' };

type Device = { board: BoardDoc; control: ControlDoc };
const write = (step: PrivateWritingStep, text: string) => () => void useDrafts.getState().addDraft(ROOM, step, text);
const sync = (d: Device) => {
  publishDue(d.board, d.control, ROOM, 'draft', me);
  publishDue(d.board, d.control, ROOM, 'brainstorm', me);
};
const reveal = (step: PrivateWritingStep) => (d: Device) => d.control.reveal(step);
const privateAgain = (step: PrivateWritingStep) => (d: Device) => d.control.setPrivateWriting(step, true);
const drafts = (step: PrivateWritingStep) => useDrafts.getState().rooms[ROOM]?.drafts[step] ?? [];

beforeEach(() => useDrafts.setState({ rooms: {} }));

describe('publishDue: a device publishes its drafts once per reveal', () => {
  it.each([
    ['a private round publishes nothing', [write('draft', 'A'), sync, write('draft', 'B'), sync], [], 2],
    ['the reveal publishes every draft', [write('draft', 'A'), write('draft', 'B'), sync, reveal('draft'), sync], ['A', 'B'], 0],
    ['seeing the same reveal again publishes nothing twice', [write('draft', 'A'), sync, reveal('draft'), sync, sync, sync], ['A'], 0],
    ['a second private round waits for the second reveal', [sync, reveal('draft'), sync, privateAgain('draft'), write('draft', 'C'), sync], [], 1],
    ['the second reveal publishes the second round', [sync, reveal('draft'), sync, privateAgain('draft'), write('draft', 'C'), sync, reveal('draft'), sync], ['C'], 0],
    ['offline through a reveal and a new private round: published on return', [write('draft', 'A'), sync, reveal('draft'), privateAgain('draft'), sync], ['A'], 0],
    ['a reveal of the other step leaves these drafts private', [write('draft', 'A'), sync, reveal('brainstorm'), sync], [], 1],
  ] as const)('%s', (_name, script, onBoard, left) => {
    const device: Device = { board: new BoardDoc(), control: new ControlDoc() };
    for (const act of script) (act as (d: Device) => void)(device);
    expect(device.board.candidates.list().map((c) => c.text)).toEqual(onBoard);
    expect(drafts('draft')).toHaveLength(left);
  });

  it('publishes signed on a board that is not anonymous', () => {
    const named: Device = { board: new BoardDoc(), control: new ControlDoc() };
    write('draft', 'Named')();
    sync(named);
    reveal('draft')(named);
    sync(named);
    expect(named.board.candidates.list()[0]).toMatchObject({ authorId: 'ana-device', authorName: 'Ana' });
  });

  it.each([
    ['an anonymous board: the server publishes, this device writes nothing', (d: Device) => d.control.set({ anonymous: true })],
    ['drafts the server holds, after anonymity was turned off', (_d: Device) => useDrafts.getState().markHandedOver(ROOM, 'draft', drafts('draft').map((x) => x.id))],
  ] as const)('never publishes itself on %s: the draft waits for the server to', (_name, setUp) => {
    const device: Device = { board: new BoardDoc(), control: new ControlDoc() };
    write('draft', 'Nameless')();
    setUp(device);
    sync(device);
    reveal('draft')(device);
    sync(device);
    expect(device.board.candidates.list()).toEqual([]);
    expect(drafts('draft')).toHaveLength(1);
  });

  it('publishes key-result drafts as key results, remembered as this device\'s own', () => {
    const device: Device = { board: new BoardDoc(), control: new ControlDoc() };
    write('brainstorm', 'Checkout conversion from 58% to 65%')();
    sync(device);
    reveal('brainstorm')(device);
    sync(device);
    const [kr] = device.board.keyResults.list();
    expect(kr?.title).toBe('Checkout conversion from 58% to 65%');
    expect(useDrafts.getState().rooms[ROOM]?.mine).toContain(kr?.id);
    expect(drafts('brainstorm')).toHaveLength(0);
  });

  it('does not write a draft again that another tab of this device already published', () => {
    const device: Device = { board: new BoardDoc(), control: new ControlDoc() };
    write('draft', 'A')();
    sync(device);
    const [draft] = drafts('draft');
    device.board.addCandidate({ id: draft!.id, text: 'A, since edited by someone' });
    reveal('draft')(device);
    sync(device);
    expect(device.board.candidates.list().map((c) => c.text)).toEqual(['A, since edited by someone']);
  });
});
