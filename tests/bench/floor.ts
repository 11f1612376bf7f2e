import type { Page } from '@playwright/test';

/** The text and highlight ranges the floor draws: the same ones the product opens. */
export interface FloorInput {
  text: string;
  ranges: [start: number, end: number][];
}

/**
 * The plain-DOM floor: the least a browser can do to show the same text with the same highlights.
 * With the text and ranges already in the page, one pass builds a `<p>` per block (blocks are
 * split on blank lines, as the canonical text joins them) with a `<mark>` per range (overlaps are
 * cut at the next range's start), appends it, and waits for the paint. `contentVisibility` adds
 * `content-visibility: auto` to the paragraphs, the cheapest way to skip off-screen layout.
 * Returns the milliseconds from the start of the pass to the second animation frame, and the JS
 * heap in use afterwards (after a garbage collection), holding the text, the ranges and the page.
 */
export async function measureFloor(
  page: Page,
  input: FloorInput,
  contentVisibility: boolean,
): Promise<{ painted: number; heapBytes: number }> {
  await page.setContent(
    '<!doctype html><html><head><style>body{margin:0;font:17px/1.7 Georgia,serif}' +
      '#root{max-width:42rem;margin:0 auto;height:100vh;overflow:auto}' +
      'mark{background:#fde2cf;border-bottom:2px solid #d9480f}' +
      '.cv p{content-visibility:auto;contain-intrinsic-size:auto 6em}</style></head>' +
      '<body><div id="root"></div></body></html>',
  );
  await page.evaluate((data) => {
    (window as unknown as { floorInput: FloorInput }).floorInput = data;
  }, input);
  const painted = await page.evaluate(async (contentVisibility) => {
    const { text, ranges } = (window as unknown as { floorInput: FloorInput }).floorInput;
    const root = document.getElementById('root')!;
    const started = performance.now();
    const fragment = document.createDocumentFragment();
    let next = 0;
    let blockStart = 0;
    while (blockStart <= text.length) {
      const found = text.indexOf('\n\n', blockStart);
      const blockEnd = found === -1 ? text.length : found;
      const paragraph = document.createElement('p');
      let at = blockStart;
      while (next < ranges.length && ranges[next]![0] < blockEnd) {
        const [start, end] = ranges[next]!;
        const following = ranges[next + 1]?.[0] ?? Number.POSITIVE_INFINITY;
        const from = Math.max(start, at);
        const to = Math.min(end, blockEnd, following);
        if (from < to) {
          if (from > at) paragraph.append(text.slice(at, from));
          const mark = document.createElement('mark');
          mark.textContent = text.slice(from, to);
          paragraph.append(mark);
          at = to;
        }
        if (end > blockEnd && following >= blockEnd) break;
        next += 1;
      }
      if (at < blockEnd) paragraph.append(text.slice(at, blockEnd));
      fragment.append(paragraph);
      if (found === -1) break;
      blockStart = found + 2;
    }
    root.className = contentVisibility ? 'cv' : '';
    root.append(fragment);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    if (document.querySelectorAll('mark').length === 0) throw new Error('The floor drew no highlight.');
    return performance.now() - started;
  }, contentVisibility);
  return { painted, heapBytes: await usedHeap(page) };
}

/** The renderer's JS heap in use after a full garbage collection, as DevTools reports it. */
export async function usedHeap(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await session.detach();
  }
}
