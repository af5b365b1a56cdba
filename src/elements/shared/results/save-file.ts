/**
 * Hands a file to the browser's download machinery. An anchor with `download` is the one way
 * that works in every browser without a dependency; it is never attached to the page.
 */
export function saveFile(filename: string, content: Blob | string): void {
  const url = typeof content === 'string' ? content : URL.createObjectURL(content);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.rel = 'noopener';
  anchor.click();
  // The download has started from the click; revoking later lets slow browsers read the blob first.
  if (typeof content !== 'string') setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A file name made of safe characters only, from parts such as the theme and the territory. */
export function fileNameOf(parts: readonly (string | undefined)[], extension: string): string {
  const stem = parts
    .filter((part): part is string => Boolean(part))
    .map((part) =>
      part
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase(),
    )
    .filter(Boolean)
    .join('_');
  return `${stem || 'barometre'}.${extension}`;
}
