/**
 * How many more blocks are laid out for good in each frame. Each step costs about the same
 * whatever its size (the browser revisits every block's style and place), so few large steps
 * finish soonest: a 5 MB article takes nine frames, a 1 MB one two.
 */
const BLOCKS_PER_FRAME = 1000;
/**
 * How long after the article is shown, and after each key or click, the work waits: opening's own
 * frames, and whatever the analyst does next, stay short.
 */
const QUIET_MS = 700;

/**
 * Lays out a long article's blocks for good, a thousand per frame, after it is shown.
 *
 * Every block starts with `content-visibility: auto`, so opening lays out only what is on screen.
 * But the browser then watches each block's distance from the viewport on every scrolled frame:
 * with 8,000 blocks that alone costs about 35 ms a frame. Once a block is laid out it no longer
 * needs skipping, so this turns `content-visibility` off for the first N blocks, N growing a
 * thousand a frame whenever the analyst has not pressed a key or clicked for a moment, and
 * scrolling then costs only painting. It does so with one rule in a style sheet
 * of its own (blocks up to the Nth child), so the editor's own elements are never touched. Returns
 * a function that stops and removes the rule.
 */
export function layoutInBackground(root: HTMLElement): () => void {
  const sheet = new CSSStyleSheet();
  const selector = (count: number) => `.article-text > :nth-child(-n + ${count})`;
  sheet.insertRule(`${selector(0)} { content-visibility: visible; }`);
  const rule = sheet.cssRules[0] as CSSStyleRule;
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  let laidOut = 0;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const step = () => {
    laidOut = Math.min(root.childElementCount, laidOut + BLOCKS_PER_FRAME);
    rule.selectorText = selector(laidOut);
    frame = laidOut < root.childElementCount ? requestAnimationFrame(step) : 0;
    if (frame === 0) stopListening();
  };
  /** Puts the work off until the analyst has been quiet for a moment. */
  const wait = () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    timer = setTimeout(() => {
      frame = requestAnimationFrame(step);
    }, QUIET_MS);
  };
  const options = { capture: true, passive: true };
  const stopListening = () => {
    window.removeEventListener('keydown', wait, options);
    window.removeEventListener('pointerdown', wait, options);
  };
  window.addEventListener('keydown', wait, options);
  window.addEventListener('pointerdown', wait, options);
  wait();
  return () => {
    stopListening();
    clearTimeout(timer);
    cancelAnimationFrame(frame);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
  };
}
