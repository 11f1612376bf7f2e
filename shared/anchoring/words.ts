/** Letters, digits, combining marks and the underscore make words. */
const WORD_CHARACTER = /^[\p{L}\p{N}\p{M}_]$/u;
/** Characters that join two word characters into one word: "don't", "17-year", "2,000", "U.S". */
const CONNECTOR = /^['’\-‐.,:·]$/u;
const WHITESPACE = /^\s$/u;

/** The code point ending just before `index`, as a string ('' at the start). */
export function characterBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  if (index >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text.slice(index - 1, index);
}

/** The code point starting at `index`, as a string ('' at the end). */
export function characterAt(text: string, index: number): string {
  const codePoint = text.codePointAt(index);
  return codePoint === undefined ? '' : String.fromCodePoint(codePoint);
}

/** Whether a single character is part of words. */
export function isWordCharacter(character: string): boolean {
  return WORD_CHARACTER.test(character);
}

/** Whether a single character is white space (spaces, no-break spaces, line breaks). */
export function isWhitespace(character: string): boolean {
  return WHITESPACE.test(character);
}

/** Whether the character starting at `index` belongs to a word, connectors included. */
function isWordlikeAt(text: string, index: number): boolean {
  const character = characterAt(text, index);
  if (isWordCharacter(character)) return true;
  if (!CONNECTOR.test(character)) return false;
  return (
    isWordCharacter(characterBefore(text, index)) &&
    isWordCharacter(characterAt(text, index + character.length))
  );
}

/** Whether `index` lies between two characters of the same word. */
export function isInsideWord(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return false;
  const before = characterBefore(text, index);
  return isWordlikeAt(text, index - before.length) && isWordlikeAt(text, index);
}

/** Whether `index` splits a surrogate pair, so no offset may stop there. */
export function splitsSurrogatePair(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return false;
  const high = text.charCodeAt(index - 1);
  const low = text.charCodeAt(index);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/** The index of the previous code point boundary (one or two code units back). */
export function previousIndex(text: string, index: number): number {
  return index - characterBefore(text, index).length;
}

/** The index of the next code point boundary (one or two code units on). */
export function nextIndex(text: string, index: number): number {
  return index + characterAt(text, index).length;
}
