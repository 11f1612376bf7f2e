/** What a page says about itself outside its article text. */
export interface PageFacts {
  title: string | null;
  lang: string | null;
  dir: string | null;
  /** The page's own address, when it names an absolute http(s) one. */
  url: string | null;
  /** The address the page's relative links resolve against, when known. */
  baseUrl: string | null;
}

/** Reads a page's title, language, direction and address; call it before Readability changes the document. */
export function readPageFacts(document: Document): PageFacts {
  const root = document.documentElement;
  const url = canonicalUrl(document);
  const base = httpUrl(document.baseURI);
  return {
    title: nonEmpty(document.title),
    lang: nonEmpty(root?.getAttribute('lang')) ?? nonEmpty(document.body?.getAttribute('lang')),
    dir: nonEmpty(root?.getAttribute('dir')) ?? nonEmpty(document.body?.getAttribute('dir')),
    url,
    baseUrl: base ?? url,
  };
}

function canonicalUrl(document: Document): string | null {
  for (const link of document.querySelectorAll('link[rel][href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('canonical')) {
      const url = httpUrl(link.getAttribute('href'));
      if (url !== null) return url;
    }
  }
  for (const meta of document.querySelectorAll('meta[property][content]')) {
    if (meta.getAttribute('property')?.trim().toLowerCase() === 'og:url') {
      const url = httpUrl(meta.getAttribute('content'));
      if (url !== null) return url;
    }
  }
  return null;
}

/** `value` as an absolute http(s) address, or null. */
function httpUrl(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Trimmed text, or null when there is none. */
export function nonEmpty(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? null : trimmed;
}
