/**
 * Defines a custom element only when its tag name is free. A host page may already hold another
 * copy of this library, or an unrelated element with the same name: throwing there would break
 * the page, so the clash is said once on the console and the existing definition is kept.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === constructor) return;
  if (existing) {
    console.warn(
      `barometre-widgets: <${tag}> is already defined on this page by another script; ` +
        'this copy was not registered and the existing definition is used.',
    );
    return;
  }
  customElements.define(tag, constructor);
}
