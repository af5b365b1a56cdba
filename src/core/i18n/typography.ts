import type { Lang } from '../schema/text.js';

/** U+202F, the narrow no-break space French puts before « ? », « ! » and « ; ». */
export const NARROW_NO_BREAK_SPACE = '\u202f';
/** U+00A0, the no-break space French puts before « : » and inside guillemets. */
export const NO_BREAK_SPACE = '\u00a0';

/** The spaces a writer may have typed where French wants a no-break one. */
const SPACES = '[ \\u00a0\\u202f]';

const BEFORE_TIGHT = new RegExp(`${SPACES}+([?!;])`, 'g');
/** « ? » or « ! » glued to a word and ending a sentence ("Vraiment?"); never inside a URL ("page?x=1"). */
const GLUED_TIGHT = /([\p{L}\p{N}»)])([?!]+)(?=\s|$)/gu;
const BEFORE_COLON = new RegExp(`${SPACES}+:`, 'g');
const AFTER_OPENING = new RegExp(`«${SPACES}*`, 'g');
const BEFORE_CLOSING = new RegExp(`${SPACES}*»`, 'g');

/**
 * French text as it should be set on screen, so that a line never starts with a lone « ? » or
 * ends with a lone « « »: a narrow no-break space (U+202F) before « ? », « ! » and « ; », a
 * no-break space (U+00A0) before « : » and inside « » (the Imprimerie nationale's choice, which
 * most French fonts render well). Spaces typed there are replaced; a « ? » or « ! » glued to the
 * end of a word gets its space. A colon or semicolon without a space before it is left alone
 * (times such as 10:30, addresses such as https://), as is any other character. Applying it
 * twice changes nothing more. English text is returned as is.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(BEFORE_TIGHT, `${NARROW_NO_BREAK_SPACE}$1`)
    .replace(GLUED_TIGHT, `$1${NARROW_NO_BREAK_SPACE}$2`)
    .replace(BEFORE_COLON, `${NO_BREAK_SPACE}:`)
    .replace(AFTER_OPENING, `«${NO_BREAK_SPACE}`)
    .replace(BEFORE_CLOSING, `${NO_BREAK_SPACE}»`);
}

/** A text set for its language: French gets its no-break spaces (see {@link frenchSpacing}). */
export function typeset(lang: Lang, text: string): string {
  return lang === 'fr' ? frenchSpacing(text) : text;
}

/** A translation function whose French sentences come out typeset (see {@link frenchSpacing}). */
export function typesetting<A extends unknown[]>(translate: (lang: Lang, ...rest: A) => string): (lang: Lang, ...rest: A) => string {
  return (lang, ...rest) => typeset(lang, translate(lang, ...rest));
}
