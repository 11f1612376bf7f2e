import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { selectText } from './support/selectText';
import { expect, FIXTURES, test } from './support/workbench';

/** A tag as codebook files and JSON reports write it; only what the test reads is typed. */
type Tag = { key: string; label: string; attributes: { key: string; label: string }[] };

const DESCRIPTION = 'A number the article states as fact; check it against its source.';
const LINK = 'https://www.europol.europa.eu/tesat';

/** Opens the Codebook from the app bar: the dialog, a tag's row button and a tag's editor. */
async function openCodebook(page: Page) {
  await page.getByRole('button', { name: 'Codebook', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Codebook' });
  const list = dialog.getByRole('list', { name: 'Tags' });
  // A row's button is named by the label alone; exact, or "Claim" would match "Move Claim up" too.
  const row = (label: string) => list.getByRole('button', { name: label, exact: true });
  const editor = (label: string) => dialog.getByRole('form', { name: `Edit ${label}` });
  return { dialog, list, row, editor };
}

/** Adds an attribute by its name; the new attribute's type has the focus, and is set. */
async function addAttribute(editor: Locator, label: string, type: string): Promise<Locator> {
  await editor.getByRole('textbox', { name: 'New attribute name' }).fill(label);
  await editor.getByRole('button', { name: 'Add attribute' }).click();
  const group = editor.getByRole('group', { name: `Attribute ${label}` });
  await expect(group.getByRole('combobox', { name: 'Type' })).toBeFocused();
  await group.getByRole('combobox', { name: 'Type' }).selectOption(type);
  return group;
}

async function openArticle(page: Page) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open article' }).click();
  await (await chooser).setFiles(`${FIXTURES}ectc-terror-report.txt`);
}

test.describe('a codebook made in one library', () => {
  // The second test imports, into a library of its own, the file the first one exported.
  test.describe.configure({ mode: 'serial' });
  let exported = '';

  test('is built, used, archived from and exported', async ({ page, workbench }) => {
    await page.goto(workbench.url);
    await openArticle(page);
    const toolbar = page.getByRole('toolbar', { name: 'Tag the selection' });
    const annotations = page.getByRole('region', { name: 'Annotations' });
    const entries = annotations.getByRole('listitem');

    // The built-in tags in order with keys 1–3; the dialog opens with focus inside, Esc closes it.
    let codebook = await openCodebook(page);
    await expect(codebook.row('Claim')).toBeFocused();
    await expect(codebook.list.getByRole('listitem')).toHaveText([/^Claim/, /^Quote/, /^Opinion/]);
    for (const [label, key] of Object.entries({ Claim: 1, Quote: 2, Opinion: 3 })) {
      await expect(codebook.row(label)).toHaveAccessibleDescription(`Key ${key}`);
    }
    await page.keyboard.press('Escape');
    await expect(codebook.dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Codebook', exact: true })).toBeFocused();

    // Add "Statistic": it is listed with the first free key, 4, and the toolbar offers it.
    codebook = await openCodebook(page);
    await codebook.dialog.getByRole('textbox', { name: 'New tag name' }).fill('Statistic');
    await codebook.dialog.getByRole('button', { name: 'Add tag' }).click();
    await expect(codebook.row('Statistic')).toHaveAccessibleDescription('Key 4');
    await codebook.dialog.getByRole('button', { name: 'Close' }).click();
    const statistic = toolbar.getByRole('button', { name: 'Statistic', exact: true });
    await expect(statistic).toHaveAttribute('aria-keyshortcuts', '4');

    // Rename, describe, recolour and re-pattern it; each field saves as it is committed.
    codebook = await openCodebook(page);
    await codebook.row('Statistic').click();
    await codebook.editor('Statistic').getByRole('textbox', { name: 'Name', exact: true }).fill('Figure');
    await page.keyboard.press('Enter');
    const editor = codebook.editor('Figure');
    await expect(codebook.row('Figure')).toBeVisible();
    await editor.getByRole('textbox', { name: 'Description' }).fill(DESCRIPTION);
    await editor.getByRole('textbox', { name: 'Description' }).blur();
    await editor.getByLabel('Colour').fill('#0f766e');
    await editor.getByRole('combobox', { name: 'Underline' }).selectOption('dotted');

    // Attributes of its own: text, a number from 1 to 5, a URL (a choice has its own test below).
    await addAttribute(editor, 'Counted by', 'text');
    const confidence = await addAttribute(editor, 'Confidence', 'number');
    await confidence.getByRole('spinbutton', { name: 'Min' }).fill('1');
    await confidence.getByRole('spinbutton', { name: 'Min' }).press('Enter');
    await confidence.getByRole('spinbutton', { name: 'Max' }).fill('5');
    await confidence.getByRole('spinbutton', { name: 'Max' }).press('Enter');
    await addAttribute(editor, 'Source link', 'url');
    await expect(editor.getByRole('list', { name: 'Attributes' }).getByRole('group')).toHaveCount(3);

    // Move it above Opinion, and give it key 1, which Claim then loses.
    await codebook.dialog.getByRole('button', { name: 'Move Figure up' }).click();
    await expect(codebook.list.getByRole('listitem')).toHaveText([/^Claim/, /^Quote/, /^Figure/, /^Opinion/]);
    await editor.getByRole('combobox', { name: 'Key' }).selectOption('1');
    await expect(codebook.row('Figure')).toHaveAccessibleDescription('Key 1');
    await expect(codebook.row('Claim')).toHaveAccessibleDescription('');
    await page.keyboard.press('Escape');
    await expect(toolbar.getByRole('button')).toHaveText([/^Claim$/, /^Quote2$/, /^Figure1$/, /^Opinion3$/]);
    const figureButton = toolbar.getByRole('button', { name: 'Figure' });
    await expect(figureButton).toHaveAttribute('title', `${DESCRIPTION} (key 1)`);

    // Key 1 now tags a Figure, drawn dotted; its details offer the attributes the codebook declares.
    await selectText(page, '66 countries');
    await page.keyboard.press('1');
    const figureMark = page.locator('.article-text [data-tag="statistic"]');
    await expect(figureMark).toHaveText('66 countries');
    await expect(figureMark).toHaveCSS('text-decoration-style', 'dotted');
    await expect(annotations.getByRole('radio', { name: 'Figure' })).toBeChecked();
    await annotations.getByRole('textbox', { name: 'Counted by' }).fill('ECTC');
    // A number outside Min–Max is brought back into range.
    await annotations.getByRole('spinbutton', { name: 'Confidence' }).fill('9');
    await expect(annotations.getByRole('spinbutton', { name: 'Confidence' })).toHaveValue('5');
    await annotations.getByRole('spinbutton', { name: 'Confidence' }).fill('4');
    await annotations.getByRole('textbox', { name: 'Source link' }).fill(LINK);

    // The JSON report (made once every change is saved) carries the tag, its attribute definitions
    // and the values under their keys.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'JSON' }).click();
    const report = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
      tags: Tag[];
      annotations: { tag: string; attributes: Record<string, unknown> }[];
    };
    const figure = report.tags.find((tag) => tag.key === 'statistic');
    expect(figure).toMatchObject({ label: 'Figure', color: '#0f766e', underline: 'dotted', shortcut: '1' });
    // Each attribute's key is made from the name it was added with, so the JSON reads as the form.
    expect(figure?.attributes).toEqual([
      { key: 'countedBy', label: 'Counted by', type: 'text' },
      { key: 'confidence', label: 'Confidence', type: 'number', min: 1, max: 5 },
      { key: 'sourceLink', label: 'Source link', type: 'url' },
    ]);
    expect(report.annotations.find((annotation) => annotation.tag === 'statistic')?.attributes).toEqual({
      countedBy: 'ECTC',
      confidence: 4,
      sourceLink: LINK,
    });

    // The values are stored: after a reload, choosing the entry shows them again.
    await page.reload();
    await entries.filter({ hasText: '66 countries' }).getByRole('button').click();
    await expect(annotations.getByRole('textbox', { name: 'Counted by' })).toHaveValue('ECTC');
    await expect(annotations.getByRole('spinbutton', { name: 'Confidence' })).toHaveValue('4');
    await expect(annotations.getByRole('textbox', { name: 'Source link' })).toHaveValue(LINK);

    // Archive Opinion once it has an annotation: no longer offered, but its annotation still shows.
    await selectText(page, 'See the pattern?');
    await page.keyboard.press('3');
    const opinion = page.locator('.article-text [data-tag="opinion"]');
    await expect(opinion).toHaveText('See the pattern?');
    codebook = await openCodebook(page);
    await codebook.row('Opinion').click();
    const archive = { name: 'Archive (keeps its annotations, no longer offered)' };
    await codebook.editor('Opinion').getByRole('checkbox', archive).check();
    await expect(codebook.row('Opinion')).toHaveAccessibleDescription('Archived');
    await codebook.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(toolbar.getByRole('button', { name: 'Opinion' })).toHaveCount(0);
    await expect(opinion).toHaveText('See the pattern?');
    await entries.filter({ hasText: 'See the pattern?' }).getByRole('button').click();
    const retag = annotations.getByRole('group', { name: 'Tag' });
    await expect(retag.getByRole('radio', { name: 'Opinion' })).toBeChecked();

    // Export the codebook to share it.
    codebook = await openCodebook(page);
    const file = page.waitForEvent('download');
    await codebook.dialog.getByRole('button', { name: 'Export codebook' }).click();
    expect((await file).suggestedFilename()).toBe('codebook.margin.json');
    exported = readFileSync(await (await file).path(), 'utf8');
    const shared = JSON.parse(exported) as { format: string; version: number; tags: Tag[] };
    expect(shared).toMatchObject({ format: 'margin.codebook', version: 1 });
    expect(shared.tags.map((tag) => tag.label)).toEqual(['Claim', 'Quote', 'Figure', 'Opinion']);
    expect(shared.tags[2]).toEqual(figure);

    // Esc closes the dialog even with the focus nowhere in it, and leaves the annotation selected
    // behind it alone: the article's own Esc (let go of the annotation) must not take the key.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Escape');
    await expect(codebook.dialog).toHaveCount(0);
    await expect(retag.getByRole('radio', { name: 'Opinion' })).toBeChecked();
  });

  test('is imported into another library', async ({ page, workbench }) => {
    const good = join(workbench.folder, 'codebook.margin.json');
    const bad = join(workbench.folder, 'hello.json');
    writeFileSync(good, exported);
    writeFileSync(bad, '{"hello":1}');
    await page.goto(workbench.url);
    const codebook = await openCodebook(page);
    const importer = codebook.dialog.locator('input[type="file"]');
    const status = codebook.dialog.getByRole('status');

    await importer.setInputFiles(good);
    await expect(status).toHaveText('Imported 4 tags from “codebook.margin.json”.');
    await expect(codebook.list.getByRole('listitem')).toHaveText([/^Claim/, /^Quote/, /^Figure/, /^Opinion/]);
    await expect(codebook.row('Figure')).toHaveAccessibleDescription('Key 1');
    await codebook.row('Figure').click();
    const editor = codebook.editor('Figure');
    await expect(editor.getByLabel('Colour')).toHaveValue('#0f766e');
    await expect(editor.getByRole('textbox', { name: 'Description' })).toHaveValue(DESCRIPTION);
    const confidence = editor.getByRole('group', { name: 'Attribute Confidence' });
    await expect(confidence.getByRole('combobox', { name: 'Type' })).toHaveValue('number');
    await expect(confidence.getByRole('spinbutton', { name: 'Max' })).toHaveValue('5');
    const link = editor.getByRole('group', { name: 'Attribute Source link' });
    await expect(link.getByRole('combobox', { name: 'Type' })).toHaveValue('url');

    // A file that is not a codebook is refused with one sentence, and nothing changes. The error is
    // announced inside the dialog, since a modal dialog hides the rest of the page.
    await importer.setInputFiles(bad);
    await expect(codebook.dialog.getByRole('alert')).toContainText(
      'This file is not a Margin codebook: it has no "format": "margin.codebook" field; choose a file exported from the Codebook panel.',
    );
    await expect(status).toHaveText('');
    await expect(codebook.list.getByRole('listitem')).toHaveText([/^Claim/, /^Quote/, /^Figure/, /^Opinion/]);
    await expect(codebook.row('Figure')).toHaveAccessibleDescription('Key 1');

    // Adding a tag works from the keyboard too: Enter in the name field.
    await codebook.dialog.getByRole('textbox', { name: 'New tag name' }).fill('Loaded language');
    await page.keyboard.press('Enter');
    await expect(codebook.row('Loaded language')).toHaveAccessibleDescription('Key 3');

    // Adding with the mouse disables the button it pressed; the name field keeps the focus.
    await codebook.dialog.getByRole('textbox', { name: 'New tag name' }).fill('Source');
    await codebook.dialog.getByRole('button', { name: 'Add tag' }).click();
    await expect(codebook.row('Source')).toBeVisible();
    await expect(codebook.dialog.getByRole('textbox', { name: 'New tag name' })).toBeFocused();
  });
});

// A choice attribute is made first and given its options next, as a person does in the dialog.
test('a choice attribute is declared in the codebook and chosen on an annotation', async ({
  page,
  workbench,
}) => {
  await page.goto(workbench.url);
  await openArticle(page);
  const codebook = await openCodebook(page);
  const unit = await addAttribute(codebook.editor('Claim'), 'Unit', 'choice');
  await unit.getByRole('textbox', { name: 'Options' }).fill('people, per cent');
  await unit.getByRole('textbox', { name: 'Options' }).press('Enter');
  await page.keyboard.press('Escape');
  await selectText(page, '66 countries');
  await page.keyboard.press('1');
  const annotations = page.getByRole('region', { name: 'Annotations' });
  await annotations.getByRole('combobox', { name: 'Unit' }).selectOption('per cent');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.reload();
  await annotations.getByRole('listitem').filter({ hasText: '66 countries' }).getByRole('button').click();
  await expect(annotations.getByRole('combobox', { name: 'Unit' })).toHaveValue('per cent');
});
