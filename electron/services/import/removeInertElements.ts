/**
 * One pass, left to right, as the HTML tokenizer reads: whichever comes first of a comment or a
 * raw-text element is matched whole, so a tag name inside a comment, script or title never
 * starts a match of its own. An element without its end tag is left for the parser. Whatever is
 * left open runs to the end of the page, as the tokenizer reads it too: were it to fail instead,
 * every later "<script" would search the rest of the page again, and a page of thousands of
 * unclosed ones would take minutes.
 */
const RAW_TEXT_OR_COMMENT =
  /<!--(?:>|->|[\s\S]*?(?:--!?>|$))|<(script|style|iframe|title|textarea|xmp)(?=[\s/>])([^>]*)(?:>([\s\S]*?)(?:(<\/\1(?=[\s/>])[^>]*(?:>|$))|$)|$)/gi;
const REMOVED: ReadonlySet<string> = new Set(['script', 'style', 'iframe']);

/**
 * Drops scripts (except JSON-LD, which Readability reads for metadata), style sheets and iframes
 * from page source before it is parsed. None of them is ever article text, and jsdom makes each
 * one expensive: an iframe gets a window of its own and a scan of the document, and every
 * removal Readability makes later costs time in proportion to the element's siblings, so a few
 * thousand of them took a large page from seconds to minutes.
 */
export function removeInertElements(html: string): string {
  return html.replace(
    RAW_TEXT_OR_COMMENT,
    (
      whole,
      name: string | undefined,
      attributes: string,
      body: string | undefined,
      endTag: string | undefined,
    ) => {
      const element = name?.toLowerCase();
      if (element === undefined || body === undefined || endTag === undefined || !REMOVED.has(element)) {
        return whole;
      }
      if (element === 'script') {
        if (/ld\+json/i.test(attributes)) return whole;
        // An escaped nested script ("<!-- <script>…</script> -->") hides the real end tag from a
        // pattern; the parser reads it correctly, so such a script is left for the parser.
        if (body.includes('<!--') && /<script[\s/>]/i.test(body)) return whole;
      }
      return '';
    },
  );
}
