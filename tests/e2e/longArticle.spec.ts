import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../shared/model';
import { referenceText, repeatedArticle, spreadAnnotations } from '../bench/benchCorpus';
import { expect, test } from './support/workbench';

const COUNT = 2_000;

test('a long article draws the highlights on screen first, the rest as they come near, and all soon after', async ({
  page,
  workbench,
}) => {
  // A 300 KB article (some 550 blocks) with 2,000 annotations, put in through the CLI.
  const article = join(workbench.folder, 'long-report.txt');
  writeFileSync(article, repeatedArticle(referenceText(), 300_000));
  const [imported] = JSON.parse(workbench.cli('import', article, '--json')) as { id: string }[];
  const base = JSON.parse(workbench.cli('export', imported!.id, '--format', 'json')) as Report;
  const annotations = spreadAnnotations(base, COUNT);
  const report = join(workbench.folder, 'annotations.json');
  writeFileSync(report, JSON.stringify({ ...base, annotations }));
  workbench.cli('merge', report);
  const last = annotations.reduce((latest, annotation) =>
    annotation.start > latest.start ? annotation : latest,
  );

  await page.goto(workbench.url);
  await page.locator('.library-entry', { hasText: 'Long Report' }).click();
  await expect(page.locator('.annotations .count').first()).toHaveText(String(COUNT));
  /** How many annotations have a highlight in the page. */
  const drawn = () =>
    page.evaluate(
      () =>
        new Set(
          [...document.querySelectorAll('.article-text [data-annotation-id]')].map((element) =>
            element.getAttribute('data-annotation-id'),
          ),
        ).size,
    );

  // K with nothing selected goes to the last annotation, far below: it is drawn and brought into
  // view by the key itself, before any background work has drawn the rest.
  const jumped = await page.evaluate((id) => {
    const text = document.querySelector<HTMLElement>('.article-text')!;
    text.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', bubbles: true, cancelable: true }));
    const element = text.querySelector(`[data-annotation-id="${id}"]`);
    return {
      selected: element?.classList.contains('is-selected') ?? false,
      drawn: new Set(
        [...text.querySelectorAll('[data-annotation-id]')].map((each) =>
          each.getAttribute('data-annotation-id'),
        ),
      ).size,
    };
  }, last.id);
  expect(jumped.selected).toBe(true);
  expect(jumped.drawn).toBeLessThan(COUNT);
  await expect(page.locator(`.article-text [data-annotation-id="${last.id}"]`)).toBeInViewport();

  // Scrolling to the middle draws what comes on screen there.
  const middle = annotations[COUNT / 2]!;
  await page.locator('.reader-scroll').evaluate(
    (scroller, start) => {
      const text = scroller.querySelector('.article-text')!;
      // The paragraph about as far into the article as the middle annotation.
      const paragraphs = [...text.children];
      const share = start.at / start.of;
      paragraphs[Math.floor(share * paragraphs.length)]!.scrollIntoView({ block: 'center' });
    },
    { at: middle.start, of: base.document.text.length },
  );
  await expect
    .poll(() =>
      page.evaluate(() => {
        const box = document.querySelector('.reader-scroll')!.getBoundingClientRect();
        return [...document.querySelectorAll('.article-text [data-annotation-id]')].some((element) => {
          const rect = element.getBoundingClientRect();
          return rect.bottom > box.top && rect.top < box.bottom;
        });
      }),
    )
    .toBe(true);

  // Left alone, the workbench draws every highlight.
  await expect.poll(drawn, { timeout: 20_000 }).toBe(COUNT);
});
