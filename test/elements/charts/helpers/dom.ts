import { waitUntil } from '@open-wc/testing';

/** An element's shadow root, asserted present. */
export function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`<${element.localName}> has no shadow root`);
  return element.shadowRoot;
}

/** The first element of a part in a shadow root. */
export function part<T extends Element = HTMLElement>(element: Element, name: string): T | null {
  return shadow(element).querySelector<T>(`[part~="${name}"]`);
}

/**
 * The text a reader sees, with runs of ASCII white space collapsed. No-break spaces are kept:
 * they are part of what is written ("26\u202f%").
 */
export function text(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, '');
}

/** The texts of the list items of a part. */
export function items(element: Element, name: string): string[] {
  return [...(part(element, name)?.querySelectorAll('li') ?? [])].map((item) => text(item));
}

/** The state the live region reports: loading, ready, empty, error or unconfigured. */
export function statusOf(element: Element): string | undefined {
  return part(element, 'status')?.dataset.state;
}

/** Waits until the live region reports `state`. */
export async function untilStatus(element: Element, state: string): Promise<void> {
  await waitUntil(() => statusOf(element) === state, `status never became ${state} (is ${statusOf(element)})`, { timeout: 5000 });
}
