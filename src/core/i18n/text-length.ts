/**
 * How long a text is to the person who reads it: its grapheme clusters, what a cursor steps over
 * (👩‍💻 is one character, not the five UTF-16 units `length` counts; "é" typed as e + accent is
 * one). The browser's counter and the server's check both measure with it, so they agree.
 */

let segmenter: Intl.Segmenter | null | undefined;

function graphemes(): Intl.Segmenter | null {
  // Made when first needed, never while a module loads; a runtime without it counts code points.
  if (segmenter === undefined) segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  return segmenter;
}

/** The number of characters a person sees in `text`. */
export function visibleLength(text: string): number {
  // Plain ASCII has one character per unit: the common case costs nothing more than `length`.
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  const splitter = graphemes();
  if (!splitter) return Array.from(text).length;
  let count = 0;
  for (const _ of splitter.segment(text)) count++;
  return count;
}
