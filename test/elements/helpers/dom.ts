// Finding things in an element's shadow root the way a person does: by label, legend, button
// text and link text — never by internal ids or classes.
import { aTimeout } from '@open-wc/testing';

type Root = { shadowRoot: ShadowRoot | null };

function shadow(host: Root): ShadowRoot {
  if (!host.shadowRoot) throw new Error('no shadow root');
  return host.shadowRoot;
}

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Visible text of an element, without the screen-reader-only parts. */
export function visibleText(element: Element): string {
  const clone = element.cloneNode(true) as Element;
  clone.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
  return clean(clone.textContent);
}

/** The text of the whole shadow root (what a reader would see, roughly). */
export function textOf(host: Root): string {
  return clean(shadow(host).textContent);
}

/** The input, textarea or select whose label starts with `label` (`<label for>` only). */
export function field<T extends HTMLElement = HTMLInputElement>(host: Root, label: string | RegExp, within?: ParentNode): T {
  const root = within ?? shadow(host);
  const labels = [...root.querySelectorAll('label')];
  const match = labels.find((candidate) => {
    const text = visibleText(candidate);
    return typeof label === 'string' ? text.startsWith(label) : label.test(text);
  });
  if (!match) throw new Error(`no field labelled "${label}" among: ${labels.map(visibleText).join(' | ')}`);
  const control = match.control ?? shadow(host).getElementById(match.htmlFor);
  if (!control) throw new Error(`label "${label}" labels nothing`);
  return control as T;
}

/** The fieldset whose legend starts with `legend`. */
export function group(host: Root, legend: string): HTMLFieldSetElement {
  const fieldsets = [...shadow(host).querySelectorAll('fieldset')];
  const match = fieldsets.find((candidate) => visibleText(candidate.querySelector('legend')!).startsWith(legend));
  if (!match) throw new Error(`no group "${legend}" among: ${fieldsets.map((f) => visibleText(f.querySelector('legend')!)).join(' | ')}`);
  return match;
}

/** The radio or checkbox labelled `label` in the group whose legend starts with `legend`. */
export function choice(host: Root, legend: string, label: string): HTMLInputElement {
  return field(host, label, group(host, legend));
}

/** Whether a field with this label is on screen. */
export function hasField(host: Root, label: string): boolean {
  return [...shadow(host).querySelectorAll('label, legend')].some((candidate) => visibleText(candidate).startsWith(label));
}

/** The button whose visible text is `name`. */
export function button(host: Root, name: string): HTMLButtonElement {
  const buttons = [...shadow(host).querySelectorAll('button')];
  const match = buttons.find((candidate) => visibleText(candidate) === name);
  if (!match) throw new Error(`no button "${name}" among: ${buttons.map(visibleText).join(' | ')}`);
  return match;
}

/** The links whose visible text starts with `text`. */
export function links(host: Root, text: string): HTMLAnchorElement[] {
  return [...shadow(host).querySelectorAll('a')].filter((candidate) => visibleText(candidate).startsWith(text));
}

/** The element holding focus inside the shadow root. */
export function focused(host: Root): Element | null {
  return shadow(host).activeElement;
}

/** The error message tied to a control by `aria-describedby`, or '' when there is none. */
export function errorOf(host: Root, control: Element): string {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  const errors = ids.map((id) => shadow(host).getElementById(id)).filter((element) => element?.classList.contains('error'));
  return errors.map((element) => visibleText(element!)).join(' ');
}

/** The error summary's items (link texts), or [] when there is no summary. */
export function summaryItems(host: Root): string[] {
  const summary = shadow(host).querySelector('[part~="error-summary"]');
  return summary ? [...summary.querySelectorAll('a')].map(visibleText) : [];
}

/** The live status line. */
export function status(host: Root): string {
  return clean(shadow(host).querySelector('[role="status"][part~="status"]')?.textContent);
}

/** The current step's heading text. */
export function heading(host: Root): string {
  return clean(shadow(host).querySelector('[part~="step-heading"]')?.textContent);
}

/** Types into a field as a person would, one input event per character, with focus in it. */
export async function typeInto(control: HTMLInputElement | HTMLTextAreaElement, text: string, { replace = true } = {}) {
  control.focus();
  if (replace) {
    control.value = '';
    control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'deleteContentBackward' }));
  }
  for (const character of text) {
    control.value += character;
    control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: character }));
  }
  await settle();
}

/** Clicks a radio button or checkbox. */
export async function pick(control: HTMLInputElement) {
  control.click();
  await settle();
}

/**
 * Moves focus out of a field. A page of the test browser that is not the focused one gets no
 * focus events from `blur()`, so the `focusout` a person's Tab would cause is sent as well.
 */
export async function leave(control: HTMLElement) {
  control.blur();
  control.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
  await settle();
}

/** Lets Lit render and pending promises run. */
export async function settle(ms = 0) {
  await aTimeout(ms);
  await aTimeout(0);
}

/** Waits until `predicate` holds, or fails after `timeout` ms with `message`. */
export async function until(predicate: () => boolean, message: string, timeout = 3000) {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`timed out: ${message}`);
    await aTimeout(10);
  }
}

/** The term → description pairs of every description list on screen, as "term: description" lines. */
export function descriptions(host: Root): string[] {
  return [...shadow(host).querySelectorAll('dt')].map((term) => `${visibleText(term)}: ${visibleText(term.nextElementSibling!)}`);
}
