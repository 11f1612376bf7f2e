import { DOMSerializer, type Schema } from 'prosemirror-model';
import type { NodeViewConstructor } from 'prosemirror-view';

/**
 * How many more blocks are laid out for good in each step. Each step costs about the same
 * whatever its size (the browser revisits every block's style and place), so few large steps
 * finish soonest: a 5 MB article takes nine frames, a 1 MB one two.
 */
const BLOCKS_PER_STEP = 1000;
/**
 * How long after the article is shown, and after each key or click, background work waits:
 * opening's own frames, and whatever the analyst does next, stay short.
 */
const QUIET_MS = 700;

/**
 * Calls `step` once a frame whenever the analyst has not pressed a key or clicked for a moment,
 * until it returns false: work that can wait, done where nobody is waiting for it. Returns a
 * function that stops it.
 */
export function inQuietFrames(step: () => boolean): () => void {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const options = { capture: true, passive: true };
  const stopListening = () => {
    window.removeEventListener('keydown', wait, options);
    window.removeEventListener('pointerdown', wait, options);
  };
  const run = () => {
    frame = step() ? requestAnimationFrame(run) : 0;
    if (frame === 0) stopListening();
  };
  /** Puts the work off until the analyst has been quiet for a moment. */
  function wait() {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    timer = setTimeout(() => {
      frame = requestAnimationFrame(run);
    }, QUIET_MS);
  }
  window.addEventListener('keydown', wait, options);
  window.addEventListener('pointerdown', wait, options);
  wait();
  return () => {
    stopListening();
    clearTimeout(timer);
    cancelAnimationFrame(frame);
  };
}

/** Background layout of a long article: `step` lays out more of it, `remove` undoes it all. */
export interface BackgroundLayout {
  /** Lays out the next thousand blocks for good; false once all are. */
  step(): boolean;
  /** Removes the style sheet the steps wrote to. */
  remove(): void;
}

/**
 * Lays out a long article's blocks for good, a thousand per step, after it is shown.
 *
 * Every block starts with `content-visibility: auto`, so opening lays out only what is on screen.
 * But the browser then watches each block's distance from the viewport on every scrolled frame:
 * with 8,000 blocks that alone costs about 35 ms a frame. Once a block is laid out it no longer
 * needs skipping, so each step turns `content-visibility` off for the first N blocks, N growing a
 * thousand a step, and scrolling then costs only painting. It does so with one rule in a style
 * sheet of its own (blocks up to the Nth child), so the editor's own elements are never touched.
 */
export function backgroundLayout(root: HTMLElement): BackgroundLayout {
  const sheet = new CSSStyleSheet();
  const selector = (count: number) => `.article-text > :nth-child(-n + ${count})`;
  sheet.insertRule(`${selector(0)} { content-visibility: visible; }`);
  const rule = sheet.cssRules[0] as CSSStyleRule;
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  let laidOut = 0;
  return {
    step() {
      laidOut = Math.min(root.childElementCount, laidOut + BLOCKS_PER_STEP);
      rule.selectorText = selector(laidOut);
      return laidOut < root.childElementCount;
    },
    remove() {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    },
  };
}

/** The class that takes a block out of `content-visibility: auto`: it is laid out for good. */
export const LAID_OUT_CLASS = 'is-laid-out';

/**
 * Node views for the article's blocks: drawn as the schema says, but letting `LAID_OUT_CLASS` be
 * set on their elements without the view taking that for an edit of the text (which would make
 * it draw the block again). A block the view draws again starts without the class, which only
 * means it is skipped off screen again.
 */
export function blockNodeViews(schema: Schema): Record<string, NodeViewConstructor> {
  const views: Record<string, NodeViewConstructor> = {};
  for (const type of Object.values(schema.nodes)) {
    const toDOM = type.spec.toDOM;
    if (!type.isTextblock || !toDOM) continue;
    views[type.name] = (node) => {
      const { dom, contentDOM } = DOMSerializer.renderSpec(document, toDOM(node));
      return {
        dom,
        contentDOM,
        ignoreMutation: (mutation) =>
          mutation.type === 'attributes' && mutation.target === dom && mutation.attributeName === 'class',
      };
    };
  }
  return views;
}
