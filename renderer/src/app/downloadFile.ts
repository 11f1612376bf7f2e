/**
 * Offers a file to save: a download in a browser; in the desktop app the same request opens the
 * system's save dialog with the suggested name. Binary content (a PDF) arrives in base64.
 */
export function downloadFile(
  fileName: string,
  mediaType: string,
  content: string,
  encoding: 'utf8' | 'base64' = 'utf8',
): void {
  const body =
    encoding === 'base64' ? Uint8Array.from(atob(content), (character) => character.charCodeAt(0)) : content;
  const url = URL.createObjectURL(new Blob([body], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
