/** A text shortened to about `length` characters at a word boundary, white space folded. */
export function excerpt(text: string, length: number): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  if (folded.length <= length) return folded;
  const cut = folded.lastIndexOf(' ', length);
  return `${folded.slice(0, cut > length / 2 ? cut : length)}…`;
}
