import { adoptStyles, supportsAdoptingStyleSheets, type CSSResult } from 'lit';

/**
 * Adds styles to a shadow root after its first render, beside the ones Lit adopted: a sheet of
 * its own where constructable style sheets exist, otherwise a style element placed before what
 * Lit renders (so that no template change removes it). For parts of an element whose code, and
 * so whose styles, load later than its first screen.
 */
export function adoptLate(root: HTMLElement | DocumentFragment, styles: CSSResult): void {
  if (supportsAdoptingStyleSheets && root instanceof ShadowRoot && styles.styleSheet) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet];
    return;
  }
  const fragment = document.createDocumentFragment();
  adoptStyles(fragment as unknown as ShadowRoot, [styles]);
  root.prepend(fragment);
}
