import { loadJsdom } from '../parseHtmlDocument';
import { nonEmpty } from '../readPageFacts';

const NAMESPACES = {
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  word: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
} as const;

/** What a Word document says about itself in its properties and default style. */
export interface DocumentProperties {
  title: string | null;
  /** The author, as File → Properties names them. */
  creator: string | null;
  /** When the document was created, as an ISO 8601 date-time, or null. */
  created: string | null;
  /** The default language of its text, a BCP 47 tag such as "en-GB". */
  lang: string | null;
  /** Whether the default paragraph runs right to left. */
  isRightToLeft: boolean;
}

/**
 * Reads the title, author and creation date from `docProps/core.xml` and the default language and
 * direction from `word/styles.xml`. A missing or malformed part only means that fact is unknown.
 */
export function readDocumentProperties(parts: ReadonlyMap<string, Uint8Array>): DocumentProperties {
  const core = parseXml(parts.get('docProps/core.xml'));
  const styles = parseXml(parts.get('word/styles.xml'));
  const coreText = (namespace: string, name: string) =>
    nonEmpty(core?.getElementsByTagNameNS(namespace, name)[0]?.textContent);
  const defaults = styles?.getElementsByTagNameNS(NAMESPACES.word, 'docDefaults')[0];
  const language = defaults?.getElementsByTagNameNS(NAMESPACES.word, 'lang')[0];
  const bidi = defaults?.getElementsByTagNameNS(NAMESPACES.word, 'bidi')[0];
  return {
    title: coreText(NAMESPACES.dc, 'title'),
    creator: coreText(NAMESPACES.dc, 'creator'),
    created: isoDateTime(coreText(NAMESPACES.dcterms, 'created')),
    lang: languageTag(language?.getAttributeNS(NAMESPACES.word, 'val')),
    isRightToLeft: bidi !== undefined && bidi.getAttributeNS(NAMESPACES.word, 'val') !== '0',
  };
}

function parseXml(bytes: Uint8Array | undefined): Document | null {
  if (bytes === undefined) return null;
  const { JSDOM, VirtualConsole } = loadJsdom();
  try {
    return new JSDOM(new TextDecoder().decode(bytes), {
      contentType: 'application/xml',
      virtualConsole: new VirtualConsole(),
    }).window.document;
  } catch {
    return null;
  }
}

/** A W3CDTF date as ISO 8601 in UTC; Word writes "2024-03-05T09:30:00Z", others may not. */
function isoDateTime(value: string | null): string | null {
  if (value === null) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** A language tag only if it looks like one: the value lands in the page's `lang` attribute. */
function languageTag(value: string | null | undefined): string | null {
  const tag = nonEmpty(value);
  return tag !== null && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : null;
}
