import type { Page } from '@playwright/test';

// What the benchmark measures in the workbench page. Every timing runs inside the page, from the
// event to the second animation frame after it (the frame that shows the change), so the browser's
// own round trip to the test is not counted.

/**
 * Opens the small article, then clicks the large one in the library and waits until its
 * highlights and its list are painted; returns the milliseconds from the click.
 */
export async function measureOpen(page: Page, title: string, count: number): Promise<number> {
  await page.locator('.library-entry', { hasText: 'Reference' }).click();
  await page.locator('.article-header', { hasText: 'Reference' }).waitFor();
  return page.evaluate(
    async ({ title, count }) => {
      const entry = [...document.querySelectorAll<HTMLButtonElement>('.library-entry')].find((button) =>
        button.textContent?.includes(title),
      );
      if (!entry) throw new Error(`No library entry "${title}".`);
      const started = performance.now();
      entry.click();
      await new Promise<void>((resolve, reject) => {
        const check = () => {
          const listed = Number(document.querySelector('.annotations .count')?.textContent);
          const painted =
            document.querySelector('.annotation-list > li') &&
            document.querySelector('.article-text .annotation');
          if (
            document.querySelector('.article-header')?.textContent?.includes(title) &&
            listed === count &&
            painted
          )
            resolve();
          else if (performance.now() - started > 60_000)
            reject(new Error(`Opening showed ${listed} of ${count} annotations.`));
          else requestAnimationFrame(check);
        };
        check();
      });
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return performance.now() - started;
    },
    { title, count },
  );
}

/** One change's figures: the keypress's own work, to the next paint, and to the store's answer. */
export interface ChangeTiming {
  work: number;
  painted: number;
  persisted: number;
}

/**
 * Adds an annotation with `1` on a selection as a person makes it, retags it with `R` `2`, and
 * deletes it with `Delete`, timing each change.
 */
export function measureChanges(
  page: Page,
  round: number,
): Promise<{ add: ChangeTiming; retag: ChangeTiming; remove: ChangeTiming }> {
  return page.evaluate(async (round) => {
    const article = document.querySelector<HTMLElement>('.article-text')!;
    const listed = () => Number(document.querySelector('.annotations .count')?.textContent);
    const frames = () =>
      new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    /** The end of the first response from `path` to a request made after `since`. */
    const answered = async (path: string, since: number): Promise<number> => {
      for (;;) {
        const entry = performance
          .getEntriesByType('resource')
          .find((candidate) => candidate.name.endsWith(path) && candidate.startTime >= since);
        if (entry && (entry as PerformanceResourceTiming).responseEnd > 0) {
          return (entry as PerformanceResourceTiming).responseEnd;
        }
        if (performance.now() - since > 30_000) throw new Error(`${path} never answered.`);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    };
    const press = async (
      key: string,
      path: string,
    ): Promise<{ work: number; painted: number; persisted: number }> => {
      performance.clearResourceTimings();
      const started = performance.now();
      article.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      const work = performance.now() - started;
      await frames();
      const painted = performance.now() - started;
      const persisted = (await answered(path, started)) - started;
      return { work, painted, persisted };
    };

    // A person selects with the mouse, which puts the focus in the article first.
    article.focus({ preventScroll: true });
    const paragraphs = article.querySelectorAll('p');
    const paragraph = paragraphs[(round * 7) % paragraphs.length]!;
    paragraph.scrollIntoView({ block: 'center' });
    await frames();
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    const node = walker.nextNode() as Text;
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, Math.min(node.length, 12));
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    await new Promise((resolve) => setTimeout(resolve, 50));

    const before = listed();
    const add = await press('1', '/api/annotations/save');
    if (listed() !== before + 1) throw new Error('The annotation was not added.');
    const added = document.querySelector('.annotation.is-selected')?.getAttribute('data-annotation-id');
    if (!added) throw new Error('The new annotation is not selected.');
    article.dispatchEvent(new KeyboardEvent('keydown', { key: 'r', bubbles: true, cancelable: true }));
    // R waits for the tag key; a person's second key comes frames later.
    await frames();
    const retag = await press('2', '/api/annotations/save');
    const selected = document.querySelector(`.annotation[data-annotation-id="${added}"]`);
    if (selected?.getAttribute('data-tag') !== 'quote') throw new Error('The annotation was not retagged.');
    const remove = await press('Delete', '/api/annotations/remove');
    if (listed() !== before) throw new Error('The annotation was not removed.');
    return { add, retag, remove };
  }, round);
}

/**
 * Types a query into "Search annotations" one keystroke at a time and times each from the input
 * event to the next paint; also counts the list rows in the page, which virtualisation keeps small.
 */
export function measureFilter(page: Page): Promise<{ perKeystroke: number[]; rows: number }> {
  return page.evaluate(async () => {
    const input = document.querySelector<HTMLInputElement>('input[aria-label="Search annotations"]');
    if (!input) throw new Error('No search box.');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const perKeystroke: number[] = [];
    let rows = 0;
    for (const query of ['c', 'co', 'coa', 'coal', 'coali', 'coal', 'coa', 'co', 'c', '']) {
      const started = performance.now();
      setValue.call(input, query);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      perKeystroke.push(performance.now() - started);
      rows = Math.max(rows, document.querySelectorAll('.annotation-list > li').length);
    }
    return { perKeystroke, rows };
  });
}

/**
 * Scrolls the article far from the first annotation, lets go of any selection, and presses `J`:
 * the first annotation, off screen, must be selected and shown. Times each jump until the
 * selected highlight is painted inside the reading area.
 */
export function measureJump(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const article = document.querySelector<HTMLElement>('.article-text')!;
    const scroller = document.querySelector<HTMLElement>('.reader-scroll')!;
    const frames = () =>
      new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const times: number[] = [];
    for (let jump = 0; jump < 5; jump++) {
      article.focus({ preventScroll: true });
      article.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
      scroller.scrollTop = scroller.scrollHeight * (0.4 + jump * 0.1);
      await frames();
      const started = performance.now();
      article.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, cancelable: true }));
      for (;;) {
        await frames();
        const selected = document.querySelector('.annotation.is-selected');
        const box = selected?.getBoundingClientRect();
        const area = scroller.getBoundingClientRect();
        if (box && box.top >= area.top && box.bottom <= area.bottom) break;
        if (performance.now() - started > 10_000) throw new Error('J did not show the first annotation.');
      }
      times.push(performance.now() - started);
    }
    return times;
  });
}

/** Presses J a few times on the article and times each from the key to the next paint. */
export function measureStep(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const article = document.querySelector<HTMLElement>('.article-text')!;
    const times: number[] = [];
    for (let step = 0; step < 10; step++) {
      const before = document.querySelector('.annotation.is-selected')?.getAttribute('data-annotation-id');
      const started = performance.now();
      article.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, cancelable: true }));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      times.push(performance.now() - started);
      const after = document.querySelector('.annotation.is-selected')?.getAttribute('data-annotation-id');
      if (!after || after === before) throw new Error('J did not move to the next annotation.');
    }
    return times;
  });
}

/** How far one frame of scrolling moves: a fast flick of the wheel, about 7,000 px a second at 60 Hz. */
const SCROLL_STRIDE = 120;

/**
 * Scrolls the article 150 frames at a time, a stride per frame, from three places (the start,
 * the middle and three quarters in), and returns each frame's duration (the time between
 * animation frames): what a reader flicking through the text feels.
 */
export function measureScroll(page: Page): Promise<number[]> {
  return page.evaluate(async (stride) => {
    const scroller = document.querySelector<HTMLElement>('.reader-scroll')!;
    const frames: number[] = [];
    for (const from of [0, 0.5, 0.75]) {
      scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * from;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      let last = performance.now();
      for (let step = 0; step < 150; step++) {
        scroller.scrollTop += stride;
        const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
        frames.push(now - last);
        last = now;
      }
    }
    return frames;
  }, SCROLL_STRIDE);
}
