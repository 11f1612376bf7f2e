import type { Tag } from '../../../shared/model';
import { ModalDialog } from './ModalDialog';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

/** Every shortcut, grouped as the user thinks of them. */
function shortcutGroups(tags: readonly Tag[]): [string, [string, string][]][] {
  const tagKeys = tags
    .filter((tag) => tag.shortcut && !tag.archived)
    .map((tag): [string, string] => [tag.shortcut!, `Tag the selection as ${tag.label}`]);
  return [
    [
      'Tagging',
      [
        ...tagKeys,
        ['S', 'Extend the selection to the whole sentence'],
        ['Q', 'Extend the selection to the enclosing quotation marks'],
        ['R then a tag key', 'Retag the selected annotation'],
      ],
    ],
    [
      'Moving',
      [
        ['J / K', 'Next / previous annotation'],
        ['Enter', 'Write in the selected annotation’s comment'],
        ['Esc', 'Back to the text; let go of the annotation'],
        ['↑ / ↓ in the list', 'Move through the annotations'],
      ],
    ],
    [
      'Changing',
      [
        ['Shift+← / →', 'Move the annotation’s start by a word'],
        ['Alt+Shift+← / →', 'Move the annotation’s end by a word'],
        ['Delete', 'Delete the selected annotation'],
        [`${mod}+Z`, 'Undo'],
        [`${mod}+Shift+Z`, 'Redo'],
      ],
    ],
    [
      'Reading',
      [
        [`${mod}+F`, 'Find in the article'],
        [`${mod}+= / ${mod}+- / ${mod}+0`, 'Larger / smaller / normal text'],
        [`${mod}+O`, 'Open an article'],
        ['?', 'This list'],
      ],
    ],
  ];
}

/** The `?` overlay: every keyboard shortcut, including the codebook's tag keys. */
export function ShortcutsDialog({ tags, onClose }: { tags: readonly Tag[]; onClose: () => void }) {
  return (
    <ModalDialog title="Keyboard shortcuts" className="shortcuts-dialog" onClose={onClose}>
      <div className="shortcut-groups">
        {shortcutGroups(tags).map(([title, rows]) => (
          <section key={title}>
            <h3>{title}</h3>
            <dl>
              {rows.map(([keys, meaning]) => (
                <div key={keys + meaning}>
                  <dt>
                    <kbd>{keys}</kbd>
                  </dt>
                  <dd>{meaning}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </ModalDialog>
  );
}
