import type { Ref } from 'react';

/** Props of a hidden file input. */
export interface HiddenFileInputProps {
  inputRef: Ref<HTMLInputElement>;
  /** The `accept` list: endings and media types. */
  accept: string;
  multiple?: boolean;
  onFiles: (files: File[]) => void;
}

/**
 * A file input out of sight and out of the tab order, opened by a button's `click()`: the system's
 * file picker without the browser's unstyled control. Choosing the same file twice works, as the
 * value is cleared after each choice.
 */
export function HiddenFileInput({ inputRef, accept, multiple = false, onFiles }: HiddenFileInputProps) {
  return (
    <input
      ref={inputRef}
      type="file"
      className="visually-hidden"
      tabIndex={-1}
      aria-hidden="true"
      multiple={multiple}
      accept={accept}
      onChange={(event) => {
        const files = [...(event.target.files ?? [])];
        event.target.value = '';
        if (files.length > 0) onFiles(files);
      }}
    />
  );
}
