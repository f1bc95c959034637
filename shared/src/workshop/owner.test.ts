import { describe, expect, it } from 'vitest';
import { hasOwner, ownerLabel, parseOwnerInput, readOwnerFields, type OwnerFields } from './owner.ts';

describe('hasOwner', () => {
  it.each([
    ['nobody', {}, false],
    ['a name', { ownerName: 'Ana' }, true],
    ['an email alone', { ownerEmail: 'ana@example.com' }, true],
    ['both', { ownerName: 'Ana', ownerEmail: 'ana@example.com' }, true],
    ['a blank name', { ownerName: '  ' }, false],
    ['empty strings', { ownerName: '', ownerEmail: '' }, false],
  ])('%s: %s', (_name, record, expected) => {
    expect(hasOwner(record)).toBe(expected);
  });
});

describe('parseOwnerInput', () => {
  it.each<[string, OwnerFields]>([
    ['Ana Lima <ana@example.com>', { ownerName: 'Ana Lima', ownerEmail: 'ana@example.com' }],
    ['ana@example.com', { ownerEmail: 'ana@example.com' }],
    ['  Ana Lima  ', { ownerName: 'Ana Lima' }],
    ['', {}],
    ['<ana@example.com>', { ownerEmail: 'ana@example.com' }],
    ['Ana Lima (ana@example.com)', { ownerName: 'Ana Lima', ownerEmail: 'ana@example.com' }],
    ['Ana Lima ana@example.com', { ownerName: 'Ana Lima', ownerEmail: 'ana@example.com' }],
    ['Ana Lima, ana@example.com', { ownerName: 'Ana Lima', ownerEmail: 'ana@example.com' }],
    ['"Lima, Ana" <ana@example.com>', { ownerName: 'Lima, Ana', ownerEmail: 'ana@example.com' }],
    ['Ana   Lima\n<ana@example.com>', { ownerName: 'Ana Lima', ownerEmail: 'ana@example.com' }],
    // Not an address: kept as the name it was typed as, so nothing is lost.
    ['Ana <ana at example>', { ownerName: 'Ana <ana at example>' }],
    ['Ana @home', { ownerName: 'Ana @home' }],
    ['Platform team', { ownerName: 'Platform team' }],
  ])('%j → %j', (text, owner) => {
    expect(parseOwnerInput(text)).toEqual(owner);
  });
});

describe('readOwnerFields', () => {
  it.each<[string, string, string, ReturnType<typeof readOwnerFields>]>([
    ['a name and an email', 'Ana Lima', 'ana@example.com', { ok: true, owner: { ownerName: 'Ana Lima', ownerEmail: 'ana@example.com' } }],
    ['both typed in the name box', 'Ana Lima <ana@example.com>', '', { ok: true, owner: { ownerName: 'Ana Lima', ownerEmail: 'ana@example.com' } }],
    ['an email in the name box alone', 'ana@example.com', '', { ok: true, owner: { ownerEmail: 'ana@example.com' } }],
    ['the email box wins over an address in the name box', 'Ana <ana@old.example>', 'ana@example.com', { ok: true, owner: { ownerName: 'Ana', ownerEmail: 'ana@example.com' } }],
    ['nothing', ' ', '', { ok: true, owner: {} }],
    ['an email box that is not an address', 'Ana', 'ana at example', { ok: false, error: 'That is not an email address — write it like ana@example.com, or leave it empty.' }],
  ])('%s', (_what, name, email, result) => {
    expect(readOwnerFields(name, email)).toEqual(result);
  });
});

describe('ownerLabel', () => {
  it.each([
    ['name and email', { name: 'Ana Lima', email: 'ana@example.com' }, 'Ana Lima (ana@example.com)'],
    ['a name', { name: 'Ana Lima' }, 'Ana Lima'],
    ['an email alone', { name: '', email: 'ana@example.com' }, 'ana@example.com'],
    ['nobody', null, undefined],
  ])('%s', (_what, owner, label) => {
    expect(ownerLabel(owner)).toBe(label);
  });
});
