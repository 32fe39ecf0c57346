import fc from 'fast-check';
import { expect } from 'vitest';
import { UsageError } from '../../src/errors.js';

/**
 * Shared pieces for property tests of parsers that read what people (or exported files)
 * type: set notation, dates, and CSV row mappings. A parser under test must, for every
 * input, either return a value or throw a UsageError whose one-line message names the
 * field; anything else (a TypeError, a RangeError, an Invalid Date) is a bug.
 */
export type Outcome<T> = { accepted: true; value: T } | { accepted: false; message: string };

/** Runs `parse`; a rejection must be a UsageError whose message starts with `field` (or one of several fields). */
export function outcome<T>(parse: () => T, field: string | readonly string[]): Outcome<T> {
  const fields = typeof field === 'string' ? [field] : field;
  try {
    return { accepted: true, value: parse() };
  } catch (error) {
    if (!(error instanceof UsageError)) {
      throw new Error(`expected a UsageError naming ${fields.join(' or ')}, got ${String(error)}`, { cause: error });
    }
    expect(
      fields.some((name) => error.message.startsWith(name)),
      `"${error.message}" should start with ${fields.join(' or ')}`,
    ).toBe(true);
    // cli.ts prints the first line only: a message must be one clean line.
    expect(error.message).not.toMatch(/[\p{Cc}\p{Cs}\u2028\u2029]/u);
    return { accepted: false, message: error.message };
  }
}

/** Fragments that make numbers look plausible to a lenient parser: exponents, decimal commas, other scripts' digits. */
export const ADVERSARIAL_TOKENS = [
  '0',
  '1',
  '5',
  '9',
  '00',
  '100',
  '1000',
  '.',
  ',',
  'e',
  'E',
  '+',
  '-',
  'x',
  'X',
  '×',
  '*',
  'x',
  'bw',
  'BW',
  'kg',
  'lb',
  'lbs',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r',
  '\u00a0',
  '\u2009',
  '\u3000',
  '\u200b',
  '\ufeff',
  '\u0000',
  '\u001b[31m',
  '\u0085',
  '\u202e',
  '١',
  '٠',
  '٥',
  '٫',
  '٬',
  '۵',
  '५',
  '０',
  '５',
  'ｘ',
  '．',
  '²',
  '⁵',
  '½',
  '①',
  '₅',
  '𝟓',
  'Ⅻ',
  '\u0301',
  'Infinity',
  'NaN',
  '0x',
  '0b',
  '_',
  ':',
  'T',
  'Z',
  'z',
  '-07-',
  '2025',
  '12',
  '31',
  '23',
  '59',
  '60',
  '24',
  '+02:00',
  '\ud800',
  '😀',
];

/** Random strings: any code points (lone surrogates included), or adversarial fragments glued together. */
export function hostileText(extraTokens: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 24 }),
    fc.string({ unit: fc.constantFrom(...'0123456789.,xX× +-bwkglbs'), maxLength: 16 }),
    fc.array(fc.constantFrom(...ADVERSARIAL_TOKENS, ...extraTokens), { maxLength: 8 }).map((parts) => parts.join('')),
  );
}

/** Whitespace a keyboard, a phone or a spreadsheet may put between tokens. */
export const spacing = fc.constantFrom('', ' ', '  ', '\t', '\u00a0', '\u2009', '\u3000');

/** Turns ASCII digits and letters into their fullwidth forms (what CJK input methods type). */
export function fullwidth(text: string): string {
  return text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}
