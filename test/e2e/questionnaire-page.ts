import type { Page } from 'playwright-core';
import { focused } from './keyboard.js';

/**
 * What a person sees and does on a page holding `<barometre-questionnaire>` and its sharing
 * panel, for the end-to-end tests: texts are read with their spaces plain (French typesetting
 * puts narrow no-break spaces before colons), questions found by their labels.
 */

/** Everything the questionnaire shows, its sharing panel included. */
export function shown(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('barometre-questionnaire')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');
}

/** Waits until the questionnaire shows a sentence. */
export async function sees(page: Page, sentence: RegExp, timeout = 10_000): Promise<void> {
  await page
    .waitForFunction(
      (source) => new RegExp(source).test(document.querySelector('barometre-questionnaire')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? ''),
      sentence.source,
      { timeout },
    )
    .catch(async (error: Error) => {
      throw new Error(`${sentence} not shown: ${error.message}\n${await shown(page)}`);
    });
}

/** What the sharing panel's polite live region says now, its spaces plain. */
export function said(page: Page): Promise<string> {
  return page.evaluate(
    () => document.querySelector('barometre-questionnaire')?.shadowRoot?.querySelector('.sharing-status')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
  );
}

/** Waits until the sharing panel's polite live region says a sentence. */
export async function saysPolitely(page: Page, sentence: RegExp): Promise<void> {
  await page
    .waitForFunction(
      (source) =>
        new RegExp(source).test(document.querySelector('barometre-questionnaire')?.shadowRoot?.querySelector('.sharing-status')?.textContent?.replace(/\s+/g, ' ') ?? ''),
      sentence.source,
      { timeout: 10_000 },
    )
    .catch(async (error: Error) => {
      throw new Error(`${sentence} not said: ${error.message}; the live region says “${await said(page)}”`);
    });
}

/** Opens a page of the OPSN portal's questionnaire and waits until it has recognised Rennes. */
export async function openPortal(page: Page, address: string): Promise<void> {
  await page.goto(address);
  await sees(page, /Rennes/, 15_000);
}

/** A question of the questionnaire, by its label. */
export function question(page: Page, label: string) {
  return page.locator('barometre-questionnaire').getByRole('radiogroup', { name: label });
}

/** Leaves the identification step as an elected member, for the first section. */
export async function passIdentification(page: Page): Promise<void> {
  const questionnaire = page.locator('barometre-questionnaire');
  await questionnaire.getByLabel('Élu ou élue').check();
  await questionnaire.getByRole('button', { name: 'Suivant' }).click();
  await sees(page, /Étape 2/);
}

/** Presses Tab until a button with these words has the focus. */
export async function tabTo(page: Page, words: string): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press('Tab');
    const control = await focused(page);
    if (control?.tag === 'button' && control.text === words) return;
  }
  throw new Error(`“${words}” never reached with Tab`);
}

/** A label, to be found as it is inside a regular expression. */
export function pattern(label: string): string {
  return label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
