import { describe, expect, it } from 'vitest';
import { parseDateInput, parseEmailInput, parseNumberInput, parseOwnerNameInput, parseTextInput, type Parsed } from './fieldParsing.ts';

const ok = <T,>(value: T | undefined): Parsed<T> => ({ ok: true, value });

describe('form field parsing', () => {
  it.each<[string, Parsed<number> | 'error']>([
    ['58', ok(58)],
    [' -3.5 ', ok(-3.5)],
    ['+4', ok(4)],
    ['.5', ok(0.5)],
    ['1,200', ok(1200)],
    ['1,200,000.25', ok(1_200_000.25)],
    ['1 200', ok(1200)],
    ['', ok(undefined)],
    ['   ', ok(undefined)],
    ['3,5', 'error'],
    ['58%', 'error'],
    ['abc', 'error'],
    ['1e999', 'error'],
    ['12..3', 'error'],
  ])('number %j', (text, expected) => {
    const result = parseNumberInput(text);
    if (expected === 'error') expect(result.ok).toBe(false);
    else expect(result).toEqual(expected);
  });

  it.each<[string, Parsed<string> | 'error']>([
    ['ana@example.com', ok('ana@example.com')],
    ['  ana@example.com ', ok('ana@example.com')],
    ['', ok(undefined)],
    ['ana@', 'error'],
    ['ana example.com', 'error'],
  ])('email %j', (text, expected) => {
    const result = parseEmailInput(text);
    if (expected === 'error') expect(result.ok).toBe(false);
    else expect(result).toEqual(expected);
  });

  it.each<[string, { required?: string; max?: number }, Parsed<string> | 'error']>([
    ['  Checkout   conversion ', {}, ok('Checkout conversion')],
    ['', {}, ok(undefined)],
    ['', { required: 'A key result needs words.' }, 'error'],
    ['abcdef', { max: 5 }, 'error'],
  ])('text %j %j', (text, options, expected) => {
    const result = parseTextInput(text, options);
    if (expected === 'error') expect(result.ok).toBe(false);
    else expect(result).toEqual(expected);
  });

  it.each<[string, Parsed<string> | 'error']>([
    ['2026-09-30', ok('2026-09-30')],
    ['', ok(undefined)],
    ['30/09/2026', 'error'],
  ])('date %j', (text, expected) => {
    const result = parseDateInput(text);
    if (expected === 'error') expect(result.ok).toBe(false);
    else expect(result).toEqual(expected);
  });
});

describe('owner name box', () => {
  it.each<[string, Parsed<string> | 'error']>([
    ['Ana Lima', ok('Ana Lima')],
    ['Ana Lima <ana@example.com>', ok('Ana Lima <ana@example.com>')],
    ['', ok(undefined)],
    [`${'a'.repeat(121)} <ana@example.com>`, 'error'],
    ['a'.repeat(121), 'error'],
  ])('%j', (text, expected) => {
    const parsed = parseOwnerNameInput(text);
    if (expected === 'error') expect(parsed.ok).toBe(false);
    else expect(parsed).toEqual(expected);
  });
});
