import { z } from 'zod/mini';

/** Bidi embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI): what can turn the words after them around. */
const BIDI_FORMATTING = /[\u202A-\u202E\u2066-\u2069]/gu;

/** The bidi marks (LRM RLM ALM): right-to-left writing places its punctuation with them; a name needs none. */
const BIDI_MARKS = /[\u200E\u200F\u061C]/gu;

/** Both, for a name: in a name they only serve to reverse what follows on everyone's screen. */
const BIDI_CONTROLS = new RegExp(`${BIDI_FORMATTING.source}|${BIDI_MARKS.source}`, 'gu');

/**
 * Characters that show nothing, so "Ana" and "A·na" with one of them look alike: zero-width space,
 * word joiner and invisible operators, BOM, soft hyphen, Mongolian vowel separator, combining
 * grapheme joiner, Hangul and Khmer fillers, and every other control character (after tabs and
 * line breaks became spaces).
 */
const INVISIBLE = /[\u200B\u2060-\u2064\uFEFF\u00AD\u180E\u115F\u1160\u3164\uFFA0\p{Cc}]|\u034F|\u17B4|\u17B5/gu;

/** Every run of whitespace, line and paragraph separators included. */
const WHITESPACE = /[\s\p{Zs}\u2028\u2029]+/gu;

const ZWNJ = '\u200C';
const ZWJ = '\u200D';
const BLACK_FLAG = '\u{1F3F4}';

/** Scripts whose spelling uses ZWJ or ZWNJ between letters (Persian's half-space, Indic conjuncts). */
const JOINING_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Nko}\p{Script=Mongolian}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
/** What may stand before the ZWJ of an emoji sequence: a pictograph, its presentation selector or skin tone. */
const EMOJI_BEFORE_JOINER = /[\p{Extended_Pictographic}\uFE0F\p{Emoji_Modifier}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const TAG = /[\u{E0020}-\u{E007F}]/u;

/**
 * A name or title as it may be shown to a room: NFC, without bidi controls or invisible
 * characters, whitespace collapsed to single spaces and trimmed. Real scripts stay as written:
 * ZWJ and ZWNJ are kept inside emoji sequences (👩🏽‍💻, 🏳️‍🌈) and between letters of scripts that
 * spell with them (می‌خواهم), tag characters only in a flag's sequence (🏴󠁧󠁢󠁳󠁣󠁴󠁿).
 * `cleanName(' \u202Eevil\u200B ') === 'evil'`
 */
export function cleanName(raw: string): string {
  const spaced = raw.normalize('NFC').replace(WHITESPACE, ' ').replace(BIDI_CONTROLS, '').replace(INVISIBLE, '');
  const chars = Array.from(spaced);
  const kept: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const before = kept[kept.length - 1] ?? '';
    const after = chars[i + 1] ?? '';
    if (char === ZWJ || char === ZWNJ) {
      const inEmoji = char === ZWJ && EMOJI_BEFORE_JOINER.test(before) && PICTOGRAPH.test(after);
      const inWord = LETTER_OR_MARK.test(before) && LETTER_OR_MARK.test(after) && JOINING_SCRIPT.test(before) && JOINING_SCRIPT.test(after);
      if (inEmoji || inWord) kept.push(char);
      continue;
    }
    if (TAG.test(char) && before !== BLACK_FLAG && !TAG.test(before)) continue;
    kept.push(char);
  }
  return kept.join('').replace(WHITESPACE, ' ').trim().normalize('NFC');
}

/**
 * A name or title field of a record: at most `max` characters as stored, read and written clean
 * (cleanName). Not refused when a modified client or an old board stored it otherwise: shown safely.
 */
export function nameField(max: number) {
  return z.string().check(z.maxLength(max), z.overwrite(cleanName));
}

/**
 * A card's text as it may be shown: as written, without bidi embeddings, overrides and isolates.
 * A modified client could put a right-to-left override in a card so that its words, or the words
 * shown after it in the same line ("… 4 dots", "serves KR 2 (…)"), read backwards on the projector.
 * Right-to-left writing needs none of them (the marks LRM and RLM stay), and a card's text box takes
 * its direction from its first letter (`unicode-bidi: plaintext` in the client).
 * `cleanText('\u202Eevil') === 'evil'`
 */
export function cleanText(raw: string): string {
  return raw.replace(BIDI_FORMATTING, '');
}

/** A card's text field: at most `max` characters as stored, read clean (cleanText); never refused for what cleanText removes. */
export function textField(max: number) {
  return z.string().check(z.maxLength(max), z.overwrite(cleanText));
}
