import type { Page } from '@playwright/test';

/**
 * Selects a passage of the article with the mouse, as a person does: press at the first
 * character of `needle` (its `occurrence`-th appearance) and drag to the last.
 */
export async function selectText(page: Page, needle: string, occurrence = 0): Promise<void> {
  await page.locator('.article-text').waitFor();
  const points = await page.evaluate(
    async ({ needle, occurrence }) => {
      const root = document.querySelector('.article-text');
      if (!root) throw new Error('No article is open.');
      const nodes: { node: Text; start: number }[] = [];
      let text = '';
      // Page markers ("p. 12") are drawn beside the text, not part of it.
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) =>
          node.parentElement?.closest('.page-marker') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
      });
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node: node as Text, start: text.length });
        text += node.textContent ?? '';
      }
      let index = -1;
      for (let seen = 0; seen <= occurrence; seen++) {
        index = text.indexOf(needle, index + 1);
        if (index === -1) throw new Error(`"${needle}" is not in the article.`);
      }
      const locate = (offset: number, isEnd: boolean) => {
        const found = nodes.findLast((entry) =>
          isEnd
            ? entry.start < offset
            : entry.start <= offset && offset < entry.start + (entry.node.textContent ?? '').length,
        );
        if (!found) throw new Error('Offset outside the article.');
        return { node: found.node, offset: offset - found.start };
      };
      const first = locate(index, false);
      const last = locate(index + needle.length, true);
      const range = document.createRange();
      range.setStart(first.node, first.offset);
      range.setEnd(first.node, first.offset + 1);
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      // Blocks coming into view are laid out over the next frames and may move the passage a
      // little; measure once it has stayed put for three frames.
      let previous = '';
      for (let stable = 0, frame = 0; stable < 3 && frame < 60; frame++) {
        await new Promise(requestAnimationFrame);
        const rect = range.getBoundingClientRect();
        const now = `${rect.left},${rect.top}`;
        stable = now === previous ? stable + 1 : 0;
        previous = now;
      }
      const startRect = range.getBoundingClientRect();
      range.setStart(last.node, last.offset - 1);
      range.setEnd(last.node, last.offset);
      const endRect = range.getBoundingClientRect();
      return {
        start: { x: startRect.left + 1, y: startRect.top + startRect.height / 2 },
        end: { x: endRect.right - 1, y: endRect.top + endRect.height / 2 },
      };
    },
    { needle, occurrence },
  );
  await page.mouse.move(points.start.x, points.start.y);
  await page.mouse.down();
  await page.mouse.move(points.end.x, points.end.y, { steps: 8 });
  await page.mouse.up();
}
