import { type ReactNode, useId } from 'react';

/** Props of a codebook field's frame. */
export interface CodebookFieldProps {
  label: string;
  /** A sentence under the field, read out as the field's description. */
  hint?: string;
  className?: string;
  /** The control, given the id its label points to and the id of its description, if any. */
  children: (ids: { id: string; describedBy: string | undefined }) => ReactNode;
}

/** The frame every codebook field shares: a label above the control and an optional hint below. */
export function CodebookField({ label, hint, className, children }: CodebookFieldProps) {
  const id = useId();
  const hintId = useId();
  return (
    <div className={['codebook-field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy: hint ? hintId : undefined })}
      {hint ? (
        <p id={hintId} className="codebook-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
