import { formatSiret, stripSeparators } from '../../core/siret.js';

/** Characters before `position` that are not separators: what the caret sits after. */
function significantBefore(text: string, position: number): number {
  return stripSeparators(text.slice(0, position)).length;
}

/** The position in `text` just after its `count`-th significant character. */
function positionAfter(text: string, count: number): number {
  if (count === 0) return 0;
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (stripSeparators(text[i]).length > 0) seen++;
    if (seen === count) return i + 1;
  }
  return text.length;
}

/**
 * Groups a SIRET as it is typed ("213 502 388 00019") without moving the caret away from the
 * digit it follows. A Backspace that only removed a grouping space removes the digit before it
 * instead, or the space would come back and the key would seem dead.
 *
 * @param previous The field's value before this input.
 * @returns The grouped value (also written into the field).
 */
export function groupSiretInput(input: HTMLInputElement, previous: string, event: InputEvent): string {
  let raw = input.value;
  let caret = input.selectionStart ?? raw.length;
  if (event.inputType === 'deleteContentBackward' && stripSeparators(raw) === stripSeparators(previous) && caret > 0) {
    const before = raw.slice(0, caret);
    const lastSignificant = before.length - 1 - [...before].reverse().findIndex((c) => stripSeparators(c).length > 0);
    if (lastSignificant >= 0 && lastSignificant < before.length) {
      raw = raw.slice(0, lastSignificant) + raw.slice(caret);
      caret = lastSignificant;
    }
  }
  const count = significantBefore(raw, caret);
  const grouped = formatSiret(raw);
  if (grouped !== input.value) {
    input.value = grouped;
    // Only move the caret when the field has focus: setting a selection may focus it otherwise.
    if (input.getRootNode() instanceof ShadowRoot && (input.getRootNode() as ShadowRoot).activeElement === input) {
      const position = positionAfter(grouped, count);
      input.setSelectionRange(position, position);
    }
  }
  return grouped;
}
