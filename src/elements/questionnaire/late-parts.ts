import { adoptShellStyles } from './feedback/shell.js';
import { SharingController } from './sharing/entry.js';

/**
 * What the questionnaire's later code adds to an element once it is here (see `views.ts`): the
 * frame's styles, and "Partager avec un collègue", which draws itself at the start of the shadow
 * root and loads its panel on first use. Made once per element.
 */
export function adoptLateParts(root: HTMLElement | DocumentFragment): void {
  adoptShellStyles(root);
  // The element itself, read and written by the names it gives its members (see `sharing/host.ts`).
  if (root instanceof ShadowRoot) new SharingController(root.host as never, root);
}
