import { describe, expect, it } from 'vitest';
import { removeInertElements } from '../../../../../electron/services/import/removeInertElements';

describe('removeInertElements', () => {
  it('drops scripts, style sheets and iframes, whatever their case and attributes', () => {
    const html =
      '<p>a</p><SCRIPT type="module">x()</SCRIPT ><style media="print">p{}</style><iframe src="x">fallback</iframe><p>b</p>';
    expect(removeInertElements(html)).toBe('<p>a</p><p>b</p>');
  });

  it('keeps JSON-LD, which carries the article metadata', () => {
    const html = '<script type="application/ld+json">{"headline":"H"}</script><p>a</p>';
    expect(removeInertElements(html)).toBe(html);
  });

  it('reads comments, titles and scripts as the tokenizer does, so tag names inside them start nothing', () => {
    const html =
      '<title>About <script> tags</title><!-- <iframe> --><p>kept</p><script>var s = "<!--"; var t = "<iframe>";</script><p>also kept</p></iframe>';
    expect(removeInertElements(html)).toBe(
      '<title>About <script> tags</title><!-- <iframe> --><p>kept</p><p>also kept</p></iframe>',
    );
  });

  it('leaves custom elements, unterminated elements and escaped nested scripts to the parser', () => {
    const custom = '<script-card>text</script-card>';
    expect(removeInertElements(custom)).toBe(custom);
    const unterminated = '<p>a</p><script>never closed';
    expect(removeInertElements(unterminated)).toBe(unterminated);
    const nested = '<script><!-- document.write("<script>x()</script>") --></script><p>a</p>';
    expect(removeInertElements(nested)).toContain('<p>a</p>');
    expect(removeInertElements(nested).startsWith('<script><!--')).toBe(true);
  });
});
