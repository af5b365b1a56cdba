/** Splits a text into lines at spaces, each line as long as `fits` accepts; a word too long for any line stays whole. */
export function wrapWhile(text: string, fits: (line: string) => boolean): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    if (current && !fits(`${current} ${word}`)) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  return lines;
}

/** Splits a text into lines no wider than `width` pixels in the context's current font. */
export function wrapToWidth(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  return wrapWhile(text, (line) => context.measureText(line).width <= width);
}
