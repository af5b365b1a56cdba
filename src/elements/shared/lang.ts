import { toLang } from '../../core/i18n/catalog.js';
import type { Lang } from '../../core/schema/text.js';

/**
 * The language an element speaks: its own `lang` attribute, then the provider's, then the nearest
 * ancestor's `lang` (crossing shadow roots), then French.
 */
export function resolveLang(element: Element, own: string | null | undefined, fromProvider?: Lang): Lang {
  if (own) return toLang(own);
  if (fromProvider) return fromProvider;
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return toLang(node.getAttribute('lang'));
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return 'fr';
}
