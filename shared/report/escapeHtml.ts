const SPECIAL_CHARACTERS = /[&<>"']/;
const SPECIAL_CHARACTERS_ALL = /[&<>"']/g;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes HTML's special characters, quotes included, so the result is safe both as element text
 * and inside a quoted attribute value.
 */
export function escapeHtml(text: string): string {
  // Most stretches of article text hold none of these; skipping the replace keeps big reports fast.
  if (!SPECIAL_CHARACTERS.test(text)) return text;
  return text.replace(SPECIAL_CHARACTERS_ALL, (character) => ENTITIES[character] ?? character);
}
