import { quoteInput } from '../quoteInput.js';

/** A routine line's body after `NAME:` as tokens: numbers, lower-cased words and marks. */
export type Token =
  | { kind: 'number'; text: string }
  | { kind: 'word'; text: string }
  | { kind: 'mark'; text: ':' | ',' | '@' | '+' | '-' | '%' };

/** Longer than any value the grammar takes (weights have at most 5 digits and 3 decimals). */
const MAX_NUMBER_LENGTH = 9;

// ASCII digits only: `٣x5` or `３x5` are refused, never read as a number.
const NUMBER = /^\d+(?:\.\d+)?/;
const WORD = /^[a-z]+/i;
const MARKS = new Set([':', ',', '@', '+', '-', '%']);

/** Problems in what a person wrote: the parser adds the file and line. */
export class RoutineSyntaxError extends Error {
  override name = 'RoutineSyntaxError';
}

/** Splits `text` into tokens; `#` starts a comment that runs to the end of the line. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let rest = text;
  while (rest.length > 0) {
    const space = /^[ \t]+/.exec(rest);
    if (space) {
      rest = rest.slice(space[0].length);
      continue;
    }
    if (rest.startsWith('#')) break;
    const number = NUMBER.exec(rest);
    if (number) {
      if (number[0].length > MAX_NUMBER_LENGTH)
        throw new RoutineSyntaxError(`number ${quoteInput(number[0], 12)} is too long`);
      tokens.push({ kind: 'number', text: number[0] });
      rest = rest.slice(number[0].length);
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', text: word[0].toLowerCase() });
      rest = rest.slice(word[0].length);
      continue;
    }
    const char = String.fromCodePoint(rest.codePointAt(0)!);
    if (char === '×') tokens.push({ kind: 'word', text: 'x' });
    else if (MARKS.has(char)) tokens.push({ kind: 'mark', text: char as ':' });
    else throw new RoutineSyntaxError(`unexpected character ${quoteInput(char)}`);
    rest = rest.slice(char.length);
  }
  return tokens;
}

/** Reads tokens front to back; every expectation that fails says what it wanted and what it found. */
export class TokenReader {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.index + offset];
  }

  atEnd(): boolean {
    return this.index >= this.tokens.length;
  }

  /** The next token when it is the word or mark `text`. */
  accept(text: string): boolean {
    const token = this.peek();
    if (token && token.kind !== 'number' && token.text === text) {
      this.index++;
      return true;
    }
    return false;
  }

  expect(text: string, wanted = `"${text}"`): void {
    if (!this.accept(text)) this.fail(wanted);
  }

  number(wanted: string): string {
    const token = this.peek();
    if (token?.kind !== 'number') this.fail(wanted);
    this.index++;
    return token.text;
  }

  word(wanted: string): string {
    const token = this.peek();
    if (token?.kind !== 'word') this.fail(wanted);
    this.index++;
    return token.text;
  }

  fail(wanted: string): never {
    const token = this.peek();
    throw new RoutineSyntaxError(`expected ${wanted}, found ${token ? quoteInput(token.text) : 'the end of the line'}`);
  }
}
