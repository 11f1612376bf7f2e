import type { Api } from '../../../shared/api';
import { type Tag, UnderlineStyle } from '../../../shared/model';
import { AttributeList } from './AttributeList';
import { ColourField } from './ColourField';
import { DraftCheckboxField } from './DraftCheckboxField';
import { DraftSelectField, type SelectOption } from './DraftSelectField';
import { DraftTextField } from './DraftTextField';
import { useTagSaver } from './useTagSaver';

/** Props of the tag editor. */
export interface TagEditorProps {
  api: Api;
  tag: Tag;
  /** Every tag, to say which keys are taken. */
  tags: readonly Tag[];
  onTags: (tags: Tag[]) => void;
  onError: (error: unknown) => void;
}

const NO_KEY = '';
const KEY_OPTIONS: SelectOption<string>[] = [
  { value: NO_KEY, label: 'None' },
  ...['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((key) => ({ value: key, label: key })),
];

const UNDERLINE_OPTIONS: SelectOption<UnderlineStyle>[] = UnderlineStyle.options.map((style) => ({
  value: style,
  label: style.charAt(0).toUpperCase() + style.slice(1),
}));

/**
 * The chosen tag's settings. Every field saves on its own as it is committed (there is no save
 * button); the editor is meant to be keyed by the tag's key, so choosing another tag starts afresh.
 */
export function TagEditor({ api, tag, tags, onTags, onError }: TagEditorProps) {
  const save = useTagSaver(api, tag, onTags, onError);
  const change = (changes: Partial<Tag>) => save((stored) => ({ ...stored, ...changes }));

  const commitName = (text: string) => {
    const label = text.trim();
    // An empty name is not allowed; the field shows the stored one again rather than erroring.
    if (label === '' || label === tag.label) return false;
    return change({ label });
  };

  const keysInUse = tags
    .filter((other) => other.key !== tag.key && other.shortcut !== null)
    .map((other) => `${other.shortcut} ${other.label}`);
  const keyHint = `A key another tag uses moves to this one${
    keysInUse.length > 0 ? ` (in use: ${keysInUse.join(', ')})` : ''
  }.`;

  return (
    <form
      className="codebook-editor"
      aria-label={`Edit ${tag.label}`}
      onSubmit={(event) => event.preventDefault()}
    >
      <p className="codebook-preview" aria-hidden="true">
        <span className="codebook-preview-text" data-tag={tag.key}>
          {tag.label}
        </span>
        {tag.archived ? <span className="codebook-badge">Archived</span> : null}
      </p>
      <div className="codebook-row">
        <DraftTextField label="Name" value={tag.label} maxLength={80} onCommit={commitName} />
        <ColourField label="Colour" value={tag.color} onCommit={(color) => change({ color })} />
      </div>
      <DraftTextField
        label="Description"
        value={tag.description}
        isMultiline
        maxLength={2000}
        placeholder="What this tag marks, and when to use it"
        onCommit={(description) => change({ description })}
      />
      <div className="codebook-row">
        <DraftSelectField
          label="Key"
          value={tag.shortcut ?? NO_KEY}
          options={KEY_OPTIONS}
          hint={keyHint}
          onCommit={(key) => change({ shortcut: key === NO_KEY ? null : key })}
        />
        <DraftSelectField
          label="Underline"
          value={tag.underline}
          options={UNDERLINE_OPTIONS}
          hint="The pattern tells this tag’s highlights apart without relying on colour."
          onCommit={(underline) => change({ underline })}
        />
      </div>
      <DraftCheckboxField isChecked={tag.archived} onCommit={(archived) => change({ archived })}>
        Archive <span className="codebook-hint-inline">(keeps its annotations, no longer offered)</span>
      </DraftCheckboxField>
      <AttributeList attributes={tag.attributes} save={save} />
    </form>
  );
}
