import { describe, expect, it } from 'vitest';
import { candidateSchema } from './candidate.ts';
import { cleanName, cleanText } from './displayName.ts';
import { keyResultSchema } from './keyResult.ts';
import { presenceSchema } from './presence.ts';

describe('cleanName', () => {
  // [what, raw, shown]
  const table: [string, string, string][] = [
    ['a plain name', 'Ana Lima', 'Ana Lima'],
    ['spaces around and inside', '  Ana \t  Lima\n', 'Ana Lima'],
    ['no-break and em spaces', '\u00A0Ana\u2003Lima\u3000', 'Ana Lima'],
    ['a line separator', 'Ana\u2028Lima', 'Ana Lima'],
    ['a right-to-left override reversing the rest', '\u202Eanitsirhc', 'anitsirhc'],
    ['an override to pass as someone else ("Ana" spelled backwards)', 'an\u202EA', 'anA'],
    ['a left-to-right embedding and its pop', '\u202ABen\u202C', 'Ben'],
    ['isolates', '\u2067Ana\u2069 (host)', 'Ana (host)'],
    ['bidi marks', '\u200FAna\u200E', 'Ana'],
    ['the Arabic letter mark', 'Ana\u061C', 'Ana'],
    ['a zero-width space inside', 'A\u200Bna', 'Ana'],
    ['a zero-width joiner between Latin letters', 'A\u200Dna', 'Ana'],
    ['a zero-width non-joiner between Latin letters', 'An\u200Ca', 'Ana'],
    ['a joiner at the end', 'Ana\u200D', 'Ana'],
    ['a word joiner and a BOM', '\uFEFFAna\u2060', 'Ana'],
    ['a soft hyphen', 'An\u00ADa', 'Ana'],
    ['a Hangul filler name (looks empty)', '\u3164', ''],
    ['only invisibles', '\u200B\u200D\u202E ', ''],
    ['control characters', 'Ana\u0000\u0007\u007F', 'Ana'],
    ['a stray tag character', 'Ana\u{E0041}', 'Ana'],
    ['decomposed accents (NFD) become NFC', 'Jose\u0301 Mu\u0303', 'José Mũ'],
    ['Arabic', 'محمد علي', 'محمد علي'],
    ['Hebrew', 'שרה כהן', 'שרה כהן'],
    ['Persian with its half-space (ZWNJ)', 'می\u200Cخواهم', 'می\u200Cخواهم'],
    ['Hindi with a joiner in a conjunct', 'क्\u200Dष', 'क्\u200Dष'],
    ['a family emoji (ZWJ sequence)', '👨\u200D👩\u200D👧 Lima', '👨\u200D👩\u200D👧 Lima'],
    ['a technologist with a skin tone', '👩🏽\u200D💻 Ana', '👩🏽\u200D💻 Ana'],
    ['the rainbow flag (VS16 then ZWJ)', 'Ana 🏳\uFE0F\u200D🌈', 'Ana 🏳\uFE0F\u200D🌈'],
    ['the Scotland flag (tag sequence)', 'Ana 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}', 'Ana 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}'],
    ['CJK', '李小龍', '李小龍'],
  ];
  it.each(table)('%s', (_name, raw, shown) => {
    expect(cleanName(raw)).toBe(shown);
    expect(cleanName(shown)).toBe(shown);
  });
});

describe('a presence name', () => {
  it('is read clean', () => {
    const parsed = presenceSchema.safeParse({ user: { id: 'u1', name: '\u202Enib', color: '#000', role: 'participant' } });
    expect(parsed.success && parsed.data.user.name).toBe('nib');
  });
});

describe('cleanText', () => {
  // [what, raw, shown]
  const table: [string, string, string][] = [
    ['plain text', 'Checkout feels effortless', 'Checkout feels effortless'],
    ['a right-to-left override reversing the rest of the line', 'Ship it\u202E stod 4', 'Ship it stod 4'],
    ['an embedding and its pop', '\u202BRTL\u202C then LTR', 'RTL then LTR'],
    ['isolates', '\u2066KR 2\u2069 first', 'KR 2 first'],
    ['Arabic with the marks that place its punctuation (kept)', 'زيادة المبيعات\u200F!', 'زيادة المبيعات\u200F!'],
    ['Hebrew mixed with a number', 'להגדיל ב-20% את ההמרה', 'להגדיל ב-20% את ההמרה'],
    ['Persian with its half-space', 'می\u200Cخواهم', 'می\u200Cخواهم'],
    ['an emoji sequence', 'Launch 👩🏽\u200D💻 tools', 'Launch 👩🏽\u200D💻 tools'],
    ['line breaks and spacing as written', '  two\n  lines ', '  two\n  lines '],
  ];
  it.each(table)('%s', (_name, raw, shown) => {
    expect(cleanText(raw)).toBe(shown);
    expect(cleanText(shown)).toBe(shown);
  });

  it('cards and key results are read clean, never refused for it', () => {
    const card = candidateSchema.safeParse({ id: 'c1', text: '\u202Eevil', order: 1 });
    expect(card.success && card.data.text).toBe('evil');
    const kr = keyResultSchema.safeParse({ id: 'k1', title: 'Grow \u2067retention\u2069', metricName: '\u202Dconv', order: 1 });
    expect(kr.success && [kr.data.title, kr.data.metricName]).toEqual(['Grow retention', 'conv']);
  });
});
