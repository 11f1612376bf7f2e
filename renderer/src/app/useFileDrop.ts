import { useEffect, useRef, useState } from 'react';
import { ARTICLE_EXTENSIONS } from '../../../shared/api';

/** Whether a drag carries files (not text or links dragged out of the article). */
function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/** Lets files be dropped anywhere on the window; returns whether a file is being dragged over it. */
export function useFileDrop(onFiles: (files: File[]) => void): boolean {
  const [isDragging, setDragging] = useState(false);
  const onFilesRef = useRef(onFiles);
  onFilesRef.current = onFiles;
  useEffect(() => {
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const onLeave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      // Folders come as entries, which must be taken while the drop event lasts.
      const entries = [...(event.dataTransfer?.items ?? [])]
        .map((item) => item.webkitGetAsEntry?.() ?? null)
        .filter((entry) => entry !== null);
      const files = [...(event.dataTransfer?.files ?? [])];
      if (entries.some((entry) => entry.isDirectory)) {
        void Promise.all(entries.map(filesIn)).then((found) => {
          const articles = found.flat().filter((file) => isArticleFile(file.name));
          if (articles.length > 0) onFilesRef.current(articles);
        });
      } else if (files.length > 0) {
        onFilesRef.current(files);
      }
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  return isDragging;
}

/** Whether a file's name says it is an article Margin imports. */
function isArticleFile(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return (
    dot > 0 &&
    !name.startsWith('.') &&
    (ARTICLE_EXTENSIONS as readonly string[]).includes(name.slice(dot + 1).toLowerCase())
  );
}

/** The files of a dropped entry: the file itself, or every file in a folder and the folders in it, by path. */
async function filesIn(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile) {
    return new Promise((resolve) =>
      (entry as FileSystemFileEntry).file(
        (file) => resolve([file]),
        () => resolve([]),
      ),
    );
  }
  if (!entry.isDirectory) return [];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // A folder's entries come in batches until an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve) =>
      reader.readEntries(resolve, () => resolve([])),
    );
    if (batch.length === 0) break;
    children.push(...batch);
  }
  children.sort((first, second) => first.fullPath.localeCompare(second.fullPath));
  return (await Promise.all(children.map(filesIn))).flat();
}
