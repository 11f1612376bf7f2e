import { useEffect, useState } from 'react';
import type { DiffPiece } from '../../../shared/api';
import { ModalDialog } from '../app/ModalDialog';

/** Props of the changes dialog. */
export interface DiffDialogProps {
  title: string;
  load: () => Promise<DiffPiece[]>;
  onClose: () => void;
}

/** Unchanged text longer than this is shortened to its ends, so the changes stand out. */
const CONTEXT = 160;

/**
 * What changed between two versions of an article, word by word: removed words struck through,
 * added ones underlined, long unchanged stretches shortened.
 */
export function DiffDialog({ title, load, onClose }: DiffDialogProps) {
  const [pieces, setPieces] = useState<DiffPiece[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    load().then(setPieces, (error: unknown) =>
      setFailure(error instanceof Error ? error.message : String(error)),
    );
  }, [load]);
  const changes = pieces?.filter((piece) => piece.kind !== 'same').length ?? 0;
  return (
    <ModalDialog title={title} className="diff-dialog" onClose={onClose}>
      {failure ? <p role="alert">{failure}</p> : null}
      {pieces === null && !failure ? <p>Comparing…</p> : null}
      {pieces ? (
        <>
          <p className="diff-summary">
            {changes === 0
              ? 'The two versions have the same text.'
              : `${changes} changes; removed words are struck through, added ones underlined.`}
          </p>
          <div className="diff-text">
            {pieces.map((piece, index) => {
              if (piece.kind === 'removed') {
                // biome-ignore lint/suspicious/noArrayIndexKey: the pieces never move
                return <del key={index}>{piece.text}</del>;
              }
              if (piece.kind === 'added') {
                // biome-ignore lint/suspicious/noArrayIndexKey: the pieces never move
                return <ins key={index}>{piece.text}</ins>;
              }
              const text =
                piece.text.length > 2 * CONTEXT
                  ? `${index === 0 ? '' : piece.text.slice(0, CONTEXT)} … ${index === pieces.length - 1 ? '' : piece.text.slice(-CONTEXT)}`
                  : piece.text;
              // biome-ignore lint/suspicious/noArrayIndexKey: the pieces never move
              return <span key={index}>{text}</span>;
            })}
          </div>
        </>
      ) : null}
    </ModalDialog>
  );
}
