import { ApiError, type ServiceImplementation } from '../../shared/api';
import { type Codebook, Tag, UnderlineStyle } from '../../shared/model';
import type { LibraryStore } from './db/libraryStore';

/** Colours offered to new tags, in order: distinct hues that keep their contrast on paper. */
const PALETTE = ['#047857', '#b91c1c', '#0e7490', '#a16207', '#be185d', '#4d7c0f', '#6d28d9', '#9a3412'];

/** The codebook: the tags analysts apply, their keys, looks and attributes. */
export class CodebookService implements ServiceImplementation<'codebook'> {
  constructor(private readonly store: LibraryStore) {}

  /** Every tag in codebook order, archived ones included. */
  list(): Tag[] {
    return this.store.tags.list();
  }

  /**
   * Adds a tag named `label`. Its key is made from the label; its colour, underline pattern and
   * shortcut are the first ones no other tag uses, so a new tag is usable at once.
   */
  add({ label }: { label: string }): { key: string; tags: Tag[] } {
    return this.store.transaction(() => {
      const tags = this.store.tags.list();
      this.checkLabel(tags, label, null);
      const key = freeKey(
        label,
        tags.map((tag) => tag.key),
      );
      const unused = <T>(candidates: readonly T[], used: readonly T[]): T =>
        candidates.find((candidate) => !used.includes(candidate)) ??
        candidates[tags.length % candidates.length]!;
      const shortcut = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].find(
        (candidate) => !tags.some((tag) => tag.shortcut === candidate),
      );
      this.store.tags.insert({
        key,
        label: label.trim(),
        color: unused(
          PALETTE,
          tags.map((tag) => tag.color.toLowerCase()),
        ),
        description: '',
        shortcut: shortcut ?? null,
        underline: unused(
          UnderlineStyle.options,
          tags.map((tag) => tag.underline),
        ),
        archived: false,
        attributes: [],
      });
      return { key, tags: this.store.tags.list() };
    });
  }

  /**
   * Changes a tag. A shortcut it takes is released by the tag that had it; an archived tag gives
   * its shortcut up, since it can no longer be applied.
   */
  save(tag: Tag): Tag[] {
    return this.store.transaction(() => {
      const tags = this.store.tags.list();
      if (!tags.some((existing) => existing.key === tag.key)) {
        throw new ApiError('not-found', `There is no tag "${tag.key}" in the codebook; add it first.`);
      }
      this.checkLabel(tags, tag.label, tag.key);
      checkAttributes(tag);
      const saved = { ...tag, label: tag.label.trim(), shortcut: tag.archived ? null : tag.shortcut };
      if (saved.shortcut) this.store.tags.releaseShortcut(saved.shortcut, saved.key);
      this.store.tags.update(saved);
      return this.store.tags.list();
    });
  }

  /** Puts the codebook in the given order; every tag must be named exactly once. */
  reorder({ keys }: { keys: string[] }): Tag[] {
    return this.store.transaction(() => {
      const current = this.store.tags.list().map((tag) => tag.key);
      const isPermutation =
        keys.length === current.length &&
        new Set(keys).size === keys.length &&
        keys.every((key) => current.includes(key));
      if (!isPermutation) {
        throw new ApiError(
          'invalid-input',
          'The new order must name every tag of the codebook exactly once; reload the codebook and try again.',
        );
      }
      this.store.tags.reorder(keys);
      return this.store.tags.list();
    });
  }

  /**
   * Brings in a shared codebook in one transaction: a tag whose key exists is updated, a new one
   * is added, and tags the file does not mention stay as they are (their annotations need them).
   */
  import(codebook: Codebook): Tag[] {
    const keys = codebook.tags.map((tag) => tag.key);
    if (new Set(keys).size !== keys.length) {
      throw new ApiError(
        'invalid-input',
        'The codebook names a tag key twice; fix the file and import it again.',
      );
    }
    for (const tag of codebook.tags) checkAttributes(tag);
    return this.store.transaction(() => {
      for (const tag of codebook.tags) {
        if (this.store.tags.has(tag.key)) this.store.tags.update(tag);
        else this.store.tags.insert(tag);
      }
      // Shortcuts follow the file: a key it assigns is taken from any other tag that had it.
      for (const tag of codebook.tags) {
        if (tag.shortcut && !tag.archived) this.store.tags.releaseShortcut(tag.shortcut, tag.key);
      }
      const others = this.store.tags
        .list()
        .map((tag) => tag.key)
        .filter((key) => !keys.includes(key));
      this.store.tags.reorder([...keys, ...others]);
      const labels = this.store.tags.list().map((tag) => tag.label.toLocaleLowerCase());
      if (new Set(labels).size !== labels.length) {
        throw new ApiError(
          'invalid-input',
          'Importing this codebook would give two tags the same label; rename one and import it again.',
        );
      }
      return this.store.tags.list();
    });
  }

  private checkLabel(tags: readonly Tag[], label: string, ownKey: string | null): void {
    const wanted = label.trim().toLocaleLowerCase();
    const clash = tags.find((tag) => tag.key !== ownKey && tag.label.toLocaleLowerCase() === wanted);
    if (clash) {
      throw new ApiError(
        'invalid-input',
        `There is already a tag named "${clash.label}"; choose another name.`,
      );
    }
  }
}

/**
 * Attribute keys are unique within a tag. A choice attribute may have no choices yet: it is made
 * first and given its choices next, and until then it offers none.
 */
function checkAttributes(tag: Tag): void {
  const keys = new Set<string>();
  for (const attribute of tag.attributes) {
    if (keys.has(attribute.key)) {
      throw new ApiError(
        'invalid-input',
        `The tag "${tag.label}" has two attributes with the key "${attribute.key}"; rename one.`,
      );
    }
    keys.add(attribute.key);
  }
}

/** A tag key made from a label, unique among `taken`: "Loaded language" → "loaded-language". */
export function freeKey(label: string, taken: readonly string[]): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^[^a-z]+/, '')
      .replace(/-+$/, '')
      .slice(0, 28)
      .replace(/-+$/, '') || 'tag';
  let key = base;
  for (let suffix = 2; taken.includes(key); suffix += 1) key = `${base}-${suffix}`;
  return Tag.shape.key.parse(key);
}
