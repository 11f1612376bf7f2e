import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { JSDOM } from 'jsdom';
import type { Report } from '../../shared/model';
import { selectText } from './support/selectText';
import { setName } from './support/settings';
import { expect, FIXTURES, test } from './support/workbench';

/** Imports an article through the Open article button and waits for it to show. */
async function openArticle(page: Page, file: string, expected: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open article' }).click();
  await (await chooser).setFiles(`${FIXTURES}${file}`);
  await expect(page.locator('.article-text')).toContainText(expected);
}

/** Tags a passage with a tag key and waits for the new annotation to be the selected one. */
async function tag(page: Page, passage: string, key: '1' | '2' | '3'): Promise<void> {
  await selectText(page, passage);
  await page.keyboard.press(key);
  await expect(page.locator('.annotation-entry[aria-current="true"]')).toContainText(passage);
}

/** Fills the selected annotation's fields by label: a select gets the option, an input the text. */
async function setFields(page: Page, values: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(values)) {
    const field = page.locator('.annotation-detail').getByLabel(label, { exact: true });
    if ((await field.evaluate((element) => element.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
}

/** Checks the selected annotation's fields by label. */
async function expectFields(page: Page, values: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(values)) {
    await expect(page.locator('.annotation-detail').getByLabel(label, { exact: true })).toHaveValue(value);
  }
}

/** Exports the open document's report in a format through the Export menu and reads the download. */
async function exportReport(page: Page, format: 'JSON' | 'HTML'): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: format }).click();
  return readFileSync(await (await download).path(), 'utf8');
}

// Each test is a whole working session (two articles, a dozen edits, reloads, exports): give it room.
test.describe.configure({ timeout: 120_000 });

const CASUALTIES = 'The United States claims the coalition has only caused 173 casualties';
const EVIDENCE = 'https://www.amnesty.org/en/latest/news/2016/10/syria-coalition/';
const QUOTE_FIELDS = { Speaker: 'Europol', Attribution: 'direct', 'Attribution cue': 'said' };
const CLAIM_FIELDS = {
  Verdict: 'misleading',
  'Check-worthiness': '4',
  'Evidence link 1': EVIDENCE,
  'Evidence note 1': 'At least 300 in Syria',
  'Evidence link 2': 'https://airwars.org/conflict/coalition-in-iraq-and-syria/',
  'Evidence note 2': 'Airwars’ running count',
};

test('typed attributes persist; speakers are suggested library-wide', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await openArticle(page, 'ectc-terror-report.txt', 'European Counter Terrorism Centre');
  const entries = page.locator('.annotation-list > li');
  const detail = page.locator('.annotation-detail');
  const saved = page.getByRole('status').filter({ hasText: /^Saved$/ });

  // A quote (who spoke, how directly, with which verb), a claim (verdict, check-worthiness, two
  // pieces of evidence with notes) and an opinion (its stance).
  await tag(page, '“IS inspired attacks”', '2');
  await setFields(page, QUOTE_FIELDS);
  await tag(page, CASUALTIES, '1');
  await detail.getByRole('button', { name: 'Add link' }).click();
  await detail.getByRole('button', { name: 'Add link' }).click();
  await setFields(page, CLAIM_FIELDS);
  await tag(page, 'See the pattern?', '3');
  await setFields(page, { Stance: 'negative' });
  await expect(saved).toBeVisible();

  // After a reload every value comes back from the library.
  await page.reload();
  await expect(entries).toHaveCount(3);
  await entries.filter({ hasText: 'IS inspired attacks' }).getByRole('button').click();
  await expectFields(page, QUOTE_FIELDS);
  await entries.filter({ hasText: '173 casualties' }).getByRole('button').click();
  await expectFields(page, CLAIM_FIELDS);
  await entries.filter({ hasText: 'See the pattern?' }).getByRole('button').click();
  await expectFields(page, { Stance: 'negative' });

  // A second quote's Speaker field offers the speaker already used, once focused.
  const suggestion = async (value: string) => {
    const speaker = detail.getByLabel('Speaker', { exact: true });
    await speaker.focus();
    return page.locator(`datalist[id="${await speaker.getAttribute('list')}"] option[value="${value}"]`);
  };
  await tag(page, '“prone to violence”', '2');
  await expect(await suggestion('Europol')).toHaveCount(1);

  // Suggestions come from the whole library: a speaker named in another article is offered here.
  await openArticle(page, 'html/bbc-1.html', 'President Barack Obama');
  await tag(page, '"distressing"', '2');
  await setFields(page, { Speaker: 'Amnesty International' });
  await expect(saved).toBeVisible();
  const library = page.getByRole('navigation', { name: 'Library' });
  await library.getByRole('button', { name: /^Ectc terror report/ }).click();
  await expect(entries).toHaveCount(4);
  await entries.filter({ hasText: 'prone to violence' }).getByRole('button').click();
  await expect(await suggestion('Amnesty International')).toHaveCount(1);
  await expect(await suggestion('Europol')).toHaveCount(1);
});

test('threads: reply, edit, resolve, delete, other authors, undo', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await openArticle(page, 'ectc-terror-report.txt', 'European Counter Terrorism Centre');
  await setName(page, 'Ann');
  const entries = page.locator('.annotation-list > li');
  const detail = page.locator('.annotation-detail');
  const thread = detail.getByRole('region', { name: 'Thread by Ann' });
  const saved = page.getByRole('status').filter({ hasText: /^Saved$/ });

  // Ann comments on a claim (her own comment is a box) and replies in its thread with Ctrl+Enter.
  await tag(page, CASUALTIES, '1');
  await detail.getByRole('textbox', { name: 'Comment', exact: true }).fill('Where does 173 come from?');
  await thread.getByRole('textbox', { name: 'Reply' }).fill('CENTCOM press release');
  await thread.getByRole('textbox', { name: 'Reply' }).press('Control+Enter');
  const reply = thread.getByRole('article', { name: 'Comment by Ann' });
  await expect(reply).toContainText('CENTCOM press release');

  // She edits her reply.
  await reply.getByRole('button', { name: 'Edit' }).click();
  await reply.getByRole('textbox', { name: 'Edit comment' }).fill('CENTCOM press release, 2016');
  await reply.getByRole('button', { name: 'Save' }).click();
  await expect(reply).toContainText('CENTCOM press release, 2016');
  await expect(reply).toContainText('(edited)');

  // Resolve, reopen, resolve again: the thread says who resolved it.
  await thread.getByRole('button', { name: 'Resolve thread' }).click();
  await expect(thread).toContainText('Resolved by Ann');
  await thread.getByRole('button', { name: 'Reopen thread' }).click();
  await expect(thread).not.toContainText('Resolved by');
  await thread.getByRole('button', { name: 'Resolve thread' }).click();
  await expect(thread).toContainText('Resolved by Ann');

  // "Unresolved only" hides the resolved claim and keeps a quote whose comment is still open.
  await tag(page, '“IS inspired attacks”', '2');
  await detail.getByRole('textbox', { name: 'Comment', exact: true }).fill('Who says so?');
  await page.getByRole('checkbox', { name: 'Unresolved only' }).check();
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('IS inspired attacks');
  await expect(page.getByRole('heading', { name: /Annotations/ })).toContainText('1 of 2');
  await page.getByRole('checkbox', { name: 'Unresolved only' }).uncheck();
  await expect(entries).toHaveCount(2);

  // Ann deletes her reply; it must reach the library under her name before she becomes Bea.
  await entries.filter({ hasText: '173 casualties' }).getByRole('button').click();
  await reply.getByRole('button', { name: 'Delete' }).click();
  await expect(reply).toHaveCount(0);
  await expect(saved).toBeVisible();

  // Bea sees Ann's comment read-only: no comment box, no Edit or Delete on it; she can reply.
  await setName(page, 'Bea');
  const annComment = thread.getByRole('article', { name: 'Comment by Ann' });
  await expect(annComment).toContainText('Where does 173 come from?');
  await expect(detail.getByRole('textbox', { name: 'Comment', exact: true })).toHaveCount(0);
  await expect(annComment.getByRole('button')).toHaveCount(0);
  await thread.getByRole('textbox', { name: 'Reply' }).fill('Amnesty counts at least 300');
  await thread.getByRole('button', { name: 'Send reply' }).click();
  const beaReply = thread.getByRole('article', { name: 'Comment by Bea' });
  await expect(beaReply).toContainText('Amnesty counts at least 300');
  await expect(beaReply.getByRole('button', { name: 'Edit' })).toBeVisible();
  // Her reply has news, so it reopens the thread.
  await expect(thread).not.toContainText('Resolved by');
  await expect(saved).toBeVisible();

  // Undo, from the article (Escape leaves the reply box): the reply goes, the thread is resolved again.
  await thread.getByRole('textbox', { name: 'Reply' }).press('Escape');
  await page.keyboard.press('Control+z');
  await expect(beaReply).toHaveCount(0);
  await expect(thread).toContainText('Resolved by Ann');
  await expect(saved).toBeVisible();

  // The library agrees, through the CLI and after a reload.
  const [library] = JSON.parse(workbench.cli('list', '--json')) as { id: string }[];
  const stored = workbench.cli('export', library!.id, '--format', 'json');
  expect(stored).toContain('Where does 173 come from?');
  expect(stored).not.toContain('Amnesty counts');
  await page.reload();
  await entries.filter({ hasText: '173 casualties' }).getByRole('button').click();
  await expect(annComment).toContainText('Where does 173 come from?');
  await expect(thread.getByRole('article')).toHaveCount(1);
  await expect(thread).toContainText('Resolved by Ann');
});

test('search, filters and reports over typed attributes and threads', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await openArticle(page, 'ectc-terror-report.txt', 'European Counter Terrorism Centre');
  await setName(page, 'Ann');
  const region = page.getByRole('region', { name: 'Annotations' });
  const entries = page.locator('.annotation-list > li');
  const count = region.getByRole('heading', { name: /Annotations/ });
  const detail = page.locator('.annotation-detail');
  const filters = page.locator('.annotation-filters');

  // Four annotations: a misleading claim with evidence and a resolved thread, an unverified claim,
  // a quote with its speaker and an opinion with a comment.
  await tag(page, '“IS inspired attacks”', '2');
  await setFields(page, { Speaker: 'Europol' });
  await tag(page, 'See the pattern?', '3');
  await detail.getByRole('textbox', { name: 'Comment', exact: true }).fill('Rhetorical question');
  await tag(page, 'That number has reportedly dropped to about 50', '1');
  await setFields(page, { Verdict: 'unverified' });
  await tag(page, CASUALTIES, '1');
  await detail.getByRole('button', { name: 'Add link' }).click();
  await setFields(page, { Verdict: 'misleading', 'Evidence link 1': EVIDENCE, 'Evidence note 1': 'Amnesty' });
  await detail.getByRole('textbox', { name: 'Comment', exact: true }).fill('Compare with Airwars figures');
  const thread = detail.getByRole('region', { name: 'Thread by Ann' });
  await thread.getByRole('textbox', { name: 'Reply' }).fill('Airwars counts far more');
  await thread.getByRole('button', { name: 'Send reply' }).click();
  await thread.getByRole('button', { name: 'Resolve thread' }).click();
  await expect(thread).toContainText('Resolved by Ann');
  await expect(entries).toHaveCount(4);

  // Search by a word of a comment, then by a word of a quote.
  const search = region.getByRole('searchbox', { name: 'Search annotations' });
  await search.fill('airwars');
  await expect(count).toContainText('1 of 4');
  await expect(entries.first()).toContainText('173 casualties');
  await search.fill('pattern');
  await expect(count).toContainText('1 of 4');
  await expect(entries.first()).toContainText('See the pattern?');
  await search.fill('');
  await expect(entries).toHaveCount(4);

  // A tag chip shows its count and filters by its tag.
  const claimChip = region.getByRole('button', { name: 'Claim: 2' });
  await claimChip.click();
  await expect(claimChip).toHaveAttribute('aria-pressed', 'true');
  await expect(entries).toHaveCount(2);
  await expect(count).toContainText('2 of 4');
  await claimChip.click();
  await expect(entries).toHaveCount(4);

  // The Verdict filter keeps the claims with that verdict.
  await filters.getByLabel('Verdict').selectOption('misleading');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('173 casualties');
  await filters.getByLabel('Verdict').selectOption({ label: 'Any' });
  await expect(entries).toHaveCount(4);

  // Choosing an entry scrolls its passage into view and marks its highlight selected.
  await page.locator('.reader-scroll').evaluate((element) => element.scrollTo(0, element.scrollHeight));
  const quote = page.locator('.article-text [data-tag="quote"]');
  await expect(quote).not.toBeInViewport();
  await entries.filter({ hasText: 'IS inspired attacks' }).getByRole('button').click();
  const selected = page.locator('.article-text .annotation.is-selected');
  await expect(selected).toBeInViewport();
  await expect(selected).toHaveAttribute('data-tag', 'quote');

  // The JSON report carries attributes, threads and the codebook's attribute definitions.
  const report = JSON.parse(await exportReport(page, 'JSON')) as Report;
  const claim = report.annotations.find((annotation) => annotation.quote === CASUALTIES);
  expect(claim?.attributes).toEqual({
    verdict: 'misleading',
    evidence: [{ url: EVIDENCE, note: 'Amnesty' }],
  });
  expect(claim?.comments).toMatchObject([
    {
      author: 'Ann',
      body: 'Compare with Airwars figures',
      resolvedBy: 'Ann',
      resolvedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      replies: [{ author: 'Ann', body: 'Airwars counts far more' }],
    },
  ]);
  const opinion = report.annotations.find((annotation) => annotation.tag === 'opinion');
  expect(opinion?.comments[0]?.resolvedAt ?? null).toBeNull();
  const claimTag = report.tags.find((candidate) => candidate.key === 'claim');
  expect(claimTag?.attributes).toMatchObject([
    { key: 'verdict', label: 'Verdict', type: 'choice', options: expect.arrayContaining(['misleading']) },
    { key: 'checkWorthiness', type: 'number', min: 1, max: 5 },
    { key: 'evidence', type: 'links' },
  ]);

  // The HTML report's note for the claim lists its verdict, links its evidence, says who resolved it.
  const { document } = new JSDOM(await exportReport(page, 'HTML')).window;
  const note = [...document.querySelectorAll('li.note')].find((item) =>
    item.textContent?.includes('173 casualties'),
  );
  expect(note?.querySelector('.note-attributes dt')?.textContent).toBe('Verdict');
  expect(note?.querySelector('.note-attributes dd')?.textContent).toBe('misleading');
  expect(note?.querySelector(`.note-evidence a[href="${EVIDENCE}"]`)?.textContent).toBe(EVIDENCE);
  expect(note?.textContent).toContain('Resolved by Ann');
  expect(note?.textContent).toContain('Airwars counts far more');
});
