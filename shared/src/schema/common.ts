import { z } from 'zod/mini';
import { nameField } from './displayName.ts';

/** Record ids: random, URL-safe, short enough to read in an export. */
export const recordIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'ids are 1 to 64 letters, digits, _ or -'));

/** A person's id on their device, or a proxy voter's (`proxy-kim`): spelled like a record id. */
export const voterIdSchema = recordIdSchema;

/** Calendar dates are ISO `YYYY-MM-DD`, no time zone: a deadline is a day, not an instant. */
export const isoDateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD'));

export const personSchema = z.object({
  name: nameField(120),
  email: z.optional(z.email()),
});
export type Person = z.infer<typeof personSchema>;

/**
 * Where a note sits on a step's canvas, in canvas units (1 unit = 1 CSS pixel at zoom 1): absolute,
 * or from its cluster's top-left corner when it is in one. One value, so a drop is one
 * last-writer-wins write and two people dropping the same note end with one of their two places,
 * never x from one and y from the other.
 */
export const canvasPosSchema = z.object({
  x: z.number().check(z.minimum(-1e6), z.maximum(1e6)),
  y: z.number().check(z.minimum(-1e6), z.maximum(1e6)),
});
export type CanvasPos = z.infer<typeof canvasPosSchema>;

/** Fractional ordering key: a new card goes between two others without renumbering. */
export const orderSchema = z.number();

// Web Crypto exists in browsers and in Node 20 alike; shared/ compiles without either's typings.
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };

export function newRecordId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let out = '';
  for (const b of bytes) out += 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'[b & 63];
  return out;
}
