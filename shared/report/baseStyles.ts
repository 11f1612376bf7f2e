/**
 * The report's style sheet before the per-tag rules. Marks read three custom properties that each
 * tag sets (`--tag-color`, `--tag-rgb`, `--tag-underline`); any `[data-tag]` starts neutral, so an
 * unknown tag never inherits the look of the passage around it.
 */
export const BASE_STYLES = `
:root {
  color-scheme: light dark;
  --page: #fbfaf7; --ink: #1f1d1a; --muted: #625d55; --rule: #dcd7cd; --panel: #f2efe8;
  --link: #1c5aa6; --tint-alpha: 0.2;
  --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, "Noto Serif", Georgia, serif;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", sans-serif;
  --mono: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
@media screen and (prefers-color-scheme: dark) {
  :root {
    --page: #1b1a18; --ink: #e7e3da; --muted: #a59f94; --rule: #3b3935; --panel: #222125;
    --link: #8db6ff; --tint-alpha: 0.34;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { background: var(--page); color: var(--ink); -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0 auto; max-width: 80rem; padding: 2.5rem 1.25rem 4rem;
  font-family: var(--serif); font-size: 1.0625rem; line-height: 1.7; overflow-wrap: break-word;
}
a { color: var(--link); }
/* Strings from articles and analysts may hold right-to-left overrides; each is isolated so an
   override cannot run on into the date, number or label drawn after it. */
time, .note-ref, .comment-author, .comment-resolved, .note-tag, .note-attributes dd, .evidence-note,
.provenance dd, .legend-label, .toc a, .corpus-summary th, .summary th, figcaption span { unicode-bidi: isolate; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; }
h1 { font-size: clamp(1.75rem, 4vw, 2.6rem); margin: 0.2em 0 0.6em; max-width: 32ch; text-wrap: balance; }
h2 { font-size: 1.35rem; }
.kicker, .provenance, .generated, .legend, .summary, .note-ref, .toc, .corpus-summary {
  font-family: var(--sans);
}
.kicker { margin: 0; color: var(--muted); font-size: 0.8rem; letter-spacing: 0.08em; text-transform: uppercase; }
.report-header, .legend, .toc { max-width: 66ch; }
body { max-width: 74rem; }
.provenance { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.15rem 1rem; margin: 0; font-size: 0.9rem; }
.provenance div { display: contents; }
.provenance dt { color: var(--muted); }
.provenance dd { margin: 0; overflow-wrap: anywhere; }
.generated { color: var(--muted); font-size: 0.85rem; }
code { font-family: var(--mono); font-size: 0.85em; }
.legend { margin: 2rem 0; padding: 1rem 1.25rem; background: var(--panel); border-radius: 8px; font-size: 0.92rem; }
.legend h2 { margin: 0 0 0.5rem; font-size: 1rem; }
.legend ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.4rem; }
.legend li { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 0.6rem; }
.legend-name { white-space: nowrap; }
.legend-label { font-weight: 600; white-space: normal; }
.legend-sample, .legend-count { color: var(--muted); }
.legend-sample {
  text-decoration: underline var(--tag-underline) var(--tag-color); text-decoration-thickness: 2px;
  text-underline-offset: 0.25em;
}
.legend-description { flex-basis: 100%; color: var(--muted); font-size: 0.85rem; }
.swatch {
  display: inline-block; width: 0.85em; height: 0.85em; border-radius: 3px; vertical-align: -0.05em;
  background: var(--tag-color); border: 1px solid var(--tag-color);
}
[data-tag] { --tag-color: #8a8a8a; --tag-text: var(--muted); --tag-rgb: 138, 138, 138; --tag-underline: dotted; }
/* Narrow screens: the article, then its notes gathered below it in order (flex order moves every
   aside after the text without repeating it). Wide screens and paper: each aside floats into the
   margin beside the passage it belongs to. */
.article-text { display: flex; flex-direction: column; max-width: 66ch; hyphens: auto; }
.article-text > .notes-heading { order: 1; margin: 2rem 0 0.5rem; padding-top: 1rem; border-top: 1px solid var(--rule); font: 600 1rem var(--sans); }
.article-text > .margin-notes { order: 2; }
.margin-notes { font-family: var(--sans); }
@media screen and (min-width: 62rem) {
  .article-text { display: block; width: 63%; max-width: none; }
  .article-text::after { content: ""; display: table; clear: both; }
  .article-text > .notes-heading { display: none; }
  .margin-notes { float: right; clear: right; width: 52%; margin: 0.25rem -58% 1rem 0; }
  [dir="rtl"] .margin-notes { float: left; clear: left; margin: 0.25rem 0 1rem -58%; }
}
.article-text :is(p, li, h2, h3, h4, h5, h6) { white-space: pre-line; }
.article-text p { margin: 0 0 1.1em; }
.omission { color: var(--muted); font-family: var(--sans); font-size: 0.85rem; font-style: italic; }
.article-text blockquote { margin: 1.4em 0; padding-left: 1.1em; border-left: 3px solid var(--rule); font-style: italic; }
.article-text pre {
  white-space: pre-wrap; font-family: var(--mono); font-size: 0.88em; line-height: 1.55;
  background: var(--panel); padding: 0.8rem 1rem; border-radius: 6px;
}
mark {
  color: inherit; background: rgba(var(--tag-rgb), var(--tint-alpha)); border-radius: 2px;
  text-decoration-line: underline; text-decoration-style: var(--tag-underline);
  text-decoration-color: var(--tag-color); text-decoration-thickness: 2px; text-decoration-skip-ink: none;
  text-underline-offset: 0.22em; -webkit-box-decoration-break: clone; box-decoration-break: clone;
}
mark mark { text-underline-offset: 0.42em; }
mark mark mark { text-underline-offset: 0.6em; }
.note-ref { font-size: 0.68em; line-height: 0; margin-left: 0.1em; }
.note-ref a { text-decoration: none; padding: 0 0.1em; }
.note-ref + .note-ref::before { content: ","; }
.notes { margin: 0; padding-left: 2.2em; font-size: 0.84rem; line-height: 1.45; }
.note { margin: 0 0 1.2rem; padding: 0.1rem 0 0.1rem 0.8rem; border-left: 3px solid var(--tag-color); }
.note::marker { color: var(--muted); font-weight: 600; }
.note:target { outline: 2px solid var(--link); outline-offset: 4px; border-radius: 2px; }
.note-head { margin: 0 0 0.3rem; }
.note-tag { font-weight: 600; }
.note-page, .page-marker { font-family: var(--sans); font-size: 0.78em; color: var(--muted); font-variant-numeric: tabular-nums; }
.page-marker { font-size: 0.62em; margin: 0 0.35em; padding: 0 0.3em; border: 1px solid var(--rule); border-radius: 3px; white-space: nowrap; }
.note-back { text-decoration: none; margin-left: 0.3em; }
.note-quote {
  margin: 0 0 0.4rem; font-family: var(--serif); font-size: 1.1em; white-space: pre-line;
  overflow-wrap: anywhere;
}
.note-attributes { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0 0.8rem; margin: 0 0 0.4rem; }
.note-attributes div { display: contents; }
.note-attributes dt { color: var(--muted); }
.note-attributes dd { margin: 0; overflow-wrap: anywhere; }
.note-evidence { margin: 0; padding-left: 1.1em; }
.evidence-note { color: var(--muted); }
.comment-resolved { font-size: 0.85em; color: var(--muted); border: 1px solid var(--rule); border-radius: 999px; padding: 0 0.5em; }
.comment.is-resolved > .comment-body { color: var(--muted); }
.thread, .replies { list-style: none; margin: 0.3rem 0 0; padding: 0; }
.replies { margin-left: 0.9rem; padding-left: 0.7rem; border-left: 1px solid var(--rule); }
.comment { margin: 0.35rem 0; }
.comment-meta { margin: 0; color: var(--muted); font-size: 0.92em; }
.comment-author { font-weight: 600; color: var(--ink); }
.comment-body { white-space: pre-wrap; overflow-wrap: anywhere; }
.empty { color: var(--muted); font-style: italic; }
.summary, .corpus-summary { margin-top: 3rem; border-top: 1px solid var(--rule); padding-top: 1rem; font-size: 0.9rem; clear: both; }
.summary table, .corpus-summary table { border-collapse: collapse; }
.summary th, .summary td, .corpus-summary th, .corpus-summary td {
  text-align: left; padding: 0.25rem 1rem 0.25rem 0; border-bottom: 1px solid var(--rule); vertical-align: baseline;
}
.summary td, .corpus-summary td { font-variant-numeric: tabular-nums; }
.corpus-summary td.zero { color: var(--muted); }
.share-chart { display: block; max-width: 40rem; margin: 0.5rem 0 1rem; border-radius: 4px; }
.share-chart rect, .bar rect { fill: var(--tag-color); }
.bar { display: block; }
.bar-cell { width: 100px; }
.muted-row, .muted { color: var(--muted); }
.breakdowns { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 1rem 2rem; margin-top: 1.5rem; }
.breakdown, .corpus-table { margin: 0; }
.corpus-table { margin-top: 1.5rem; }
figcaption { font-weight: 600; margin-bottom: 0.3rem; }
.breakdown-tag { color: var(--tag-text); }
.table-scroll { overflow-x: auto; }
.toc { margin: 2rem 0; }
.toc h2 { font-size: 1.1rem; }
.toc ol { padding-left: 1.6em; }
.toc li { margin: 0.3rem 0; }
.toc-meta { display: block; color: var(--muted); font-size: 0.85rem; }
.document { margin-top: 4rem; padding-top: 1.5rem; border-top: 3px double var(--rule); clear: both; }
.document-header h2 { font-size: clamp(1.4rem, 3vw, 2rem); margin: 0.2em 0 0.5em; max-width: 36ch; }
.document-header { margin-bottom: 2rem; max-width: 66ch; }
.to-contents { font-family: var(--sans); font-size: 0.85rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media print {
  :root { --page: #fff; --ink: #000; --muted: #444; --rule: #999; --link: #000; --tint-alpha: 0; }
  @page { size: A4; margin: 16mm 14mm; }
  body { max-width: none; padding: 0; font-size: 10pt; line-height: 1.5; }
  /* Paper keeps the margin layout: each note beside the passage it belongs to. */
  .article-text { display: block; width: 64%; max-width: none; }
  .article-text::after { content: ""; display: table; clear: both; }
  .article-text > .notes-heading { display: none; }
  .margin-notes { float: right; clear: right; width: 50%; margin: 0.1rem -56% 0.6rem 0; }
  [dir="rtl"] .margin-notes { float: left; clear: left; margin: 0.1rem 0 0.6rem -56%; }
  .notes { font-size: 7.5pt; padding-left: 1.8em; }
  mark { background: none; text-decoration-thickness: 1.5px; }
  .legend { background: none; border: 1px solid var(--rule); }
  .note, .legend li, .summary tr, .corpus-summary tr, .comment, .breakdown { break-inside: avoid; page-break-inside: avoid; }
  h2, h3, h4, h5, h6, figcaption { break-after: avoid; page-break-after: avoid; }
  .document { break-before: page; border: 0; margin-top: 0; }
  .note-back, .to-contents { display: none; }
  .article-text > :not(.margin-notes) a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; overflow-wrap: anywhere; }
}
`.trim();
