// Reading and driving `<barometre-territoire-select>` as a person (and a screen reader) does:
// through its roles, its ARIA state and real key presses.
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '@open-wc/testing';
import type { BarometreTerritoireSelect } from '../../../../src/elements/territoire-select/barometre-territoire-select.js';

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

function root(el: BarometreTerritoireSelect): ShadowRoot {
  if (!el.shadowRoot) throw new Error('no shadow root');
  return el.shadowRoot;
}

/** The text field (role combobox). */
export function combobox(el: BarometreTerritoireSelect): HTMLInputElement {
  return root(el).querySelector<HTMLInputElement>('[role="combobox"]')!;
}

/** The listbox the combobox controls. */
export function listbox(el: BarometreTerritoireSelect): HTMLElement {
  const id = combobox(el).getAttribute('aria-controls')!;
  return root(el).getElementById(id)!;
}

/** Whether the list is shown, by the combobox's state and by sight. */
export function isOpen(el: BarometreTerritoireSelect): boolean {
  return combobox(el).getAttribute('aria-expanded') === 'true' && !listbox(el).hidden;
}

/** The options on screen. */
export function options(el: BarometreTerritoireSelect): HTMLElement[] {
  return isOpen(el) ? [...listbox(el).querySelectorAll<HTMLElement>('[role="option"]')] : [];
}

/** Each option as a screen reader reads it ("Rennes — commune, Ille-et-Vilaine (35)"). */
export function optionTexts(el: BarometreTerritoireSelect): string[] {
  return options(el).map((option) => clean(option.textContent));
}

/** The option the combobox points at with aria-activedescendant, or null. */
export function highlighted(el: BarometreTerritoireSelect): HTMLElement | null {
  const id = combobox(el).getAttribute('aria-activedescendant');
  return id ? root(el).getElementById(id) : null;
}

/** The live region's text. */
export function status(el: BarometreTerritoireSelect): string {
  return clean(root(el).querySelector('[role="status"]')?.textContent);
}

/** The visible label of the field. */
export function labelText(el: BarometreTerritoireSelect): string {
  const input = combobox(el);
  return clean(input.labels?.[0]?.textContent);
}

/** The help text tied to the field by aria-describedby. */
export function hint(el: BarometreTerritoireSelect): string {
  const ids = (combobox(el).getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => clean(root(el).getElementById(id)?.textContent)).join(' ');
}

/**
 * Focuses the field, types with real key presses, and waits for the search of the whole text to
 * end. Keys arrive one by one: on a busy machine the pause between two of them may outlast the
 * debounce, and a search for the first letters may answer first.
 */
export async function type(el: BarometreTerritoireSelect, text: string): Promise<void> {
  combobox(el).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
  await waitUntil(() => listbox(el).getAttribute('aria-busy') === 'false', `the search for "${combobox(el).value}" never ended`, { timeout: 5000 });
}

/** Presses one key (or a combination such as `Alt+ArrowDown`) in the focused field. */
export async function press(key: string): Promise<void> {
  const keys = key.split('+');
  const main = keys.pop()!;
  // Modifiers are held down around the key, as fingers do.
  for (const modifier of keys) await sendKeys({ down: modifier });
  await sendKeys({ press: main });
  for (const modifier of keys.reverse()) await sendKeys({ up: modifier });
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Waits until the list shows options whose first reads `first` (or any, without `first`). */
export async function untilOptions(el: BarometreTerritoireSelect, first?: string): Promise<void> {
  await waitUntil(
    () => options(el).length > 0 && (first === undefined || optionTexts(el)[0] === first),
    `no options${first ? ` starting with "${first}"` : ''}; status: "${status(el)}", options: ${optionTexts(el).join(' | ')}`,
    { timeout: 5000 },
  );
}

/** Waits until the live region says `text` (or starts with it). */
export async function untilStatus(el: BarometreTerritoireSelect, text: string): Promise<void> {
  await waitUntil(() => status(el).startsWith(text), `status never said "${text}" (it says "${status(el)}")`, { timeout: 5000 });
}

/** Lets Lit render and pending promises run. */
export function nextFrame(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
