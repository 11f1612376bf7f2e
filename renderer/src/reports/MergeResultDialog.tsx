import type { MergeConflict, MergeResult } from '../../../shared/api';
import type { Annotation, Tag } from '../../../shared/model';
import { ModalDialog } from '../app/ModalDialog';

/** Props of the merge result dialog. */
export interface MergeResultDialogProps {
  fileName: string;
  result: MergeResult;
  tags: readonly Tag[];
  onOpenDocument: (id: string) => void;
  onClose: () => void;
}

const DIFFERENCE_LABELS: Record<MergeConflict['differences'][number], string> = {
  tag: 'tag',
  range: 'passage',
  attributes: 'attributes',
  comments: 'comments',
};

/**
 * What importing a report did: per document, how many annotations were added or already there,
 * and every conflict (same annotation, different content) side by side. The library's copy was
 * kept; the analyst decides what to do with the other.
 */
export function MergeResultDialog({
  fileName,
  result,
  tags,
  onOpenDocument,
  onClose,
}: MergeResultDialogProps) {
  const conflictCount = result.documents.reduce((sum, document) => sum + document.conflicts.length, 0);
  const tagOf = (key: string) => tags.find((tag) => tag.key === key);
  return (
    <ModalDialog title="Report imported" className="merge-dialog" onClose={onClose}>
      <p className="merge-summary">
        {fileName}:{' '}
        {conflictCount === 0
          ? 'no conflicts.'
          : `${conflictCount} ${conflictCount === 1 ? 'conflict' : 'conflicts'}; the library’s copies were kept.`}
      </p>
      <ul className="merge-documents">
        {result.documents.map((document) => (
          <li key={document.documentId}>
            <h3>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  onClose();
                  onOpenDocument(document.documentId);
                }}
              >
                {document.title}
              </button>
            </h3>
            <p>
              {document.isNewDocument ? 'New in the library. ' : ''}
              {document.added} added, {document.unchanged} already there, {document.conflicts.length}{' '}
              {document.conflicts.length === 1 ? 'conflict' : 'conflicts'}.
            </p>
            {document.conflicts.length > 0 ? (
              <ol className="merge-conflicts" aria-label={`Conflicts in ${document.title}`}>
                {document.conflicts.map((conflict) => (
                  <li key={conflict.theirs.id} className="merge-conflict">
                    <p className="conflict-what">
                      Differs in{' '}
                      {conflict.differences.map((difference) => DIFFERENCE_LABELS[difference]).join(', ')}
                    </p>
                    <div className="conflict-sides">
                      <ConflictSide
                        title="Kept (this library)"
                        annotation={conflict.ours}
                        tag={tagOf(conflict.ours.tag)}
                      />
                      <ConflictSide
                        title="Not taken (the report)"
                        annotation={conflict.theirs}
                        tag={tagOf(conflict.theirs.tag)}
                      />
                    </div>
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ul>
    </ModalDialog>
  );
}

function ConflictSide({
  title,
  annotation,
  tag,
}: {
  title: string;
  annotation: Annotation;
  tag: Tag | undefined;
}) {
  const labelOf = (key: string) => tag?.attributes.find((definition) => definition.key === key)?.label ?? key;
  const attributes = Object.entries(annotation.attributes).filter(
    ([, value]) => value !== null && value !== '' && !(Array.isArray(value) && value.length === 0),
  );
  const comments = countComments(annotation.comments);
  return (
    <section className="conflict-side" aria-label={title}>
      <h4>{title}</h4>
      <p>
        <span className="tag-chip" data-tag={annotation.tag}>
          {tag?.label ?? annotation.tag}
        </span>{' '}
        <q className="conflict-quote">
          {annotation.quote.length > 160 ? `${annotation.quote.slice(0, 157)}…` : annotation.quote}
        </q>
      </p>
      {attributes.length > 0 ? (
        <dl>
          {attributes.map(([key, value]) => (
            <div key={key}>
              <dt>{labelOf(key)}</dt>
              <dd>{Array.isArray(value) ? value.map((link) => link.url).join(', ') : String(value)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p className="conflict-comments">
        {comments === 0 ? 'No comments' : `${comments} ${comments === 1 ? 'comment' : 'comments'}`}
      </p>
    </section>
  );
}

function countComments(comments: Annotation['comments']): number {
  return comments.reduce((sum, comment) => sum + 1 + countComments(comment.replies), 0);
}
