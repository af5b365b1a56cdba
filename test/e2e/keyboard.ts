import type { Page } from 'playwright-core';

/** What has keyboard focus, looking through shadow roots. */
export interface FocusedControl {
  tag: string;
  type: string;
  text: string;
  value: string;
  min: string;
  /** The keyboard the control asks for (`numeric`, `decimal`…), which tells a number typed as text. */
  inputMode: string;
  /** Whether another control of the same fieldset is already checked. */
  groupAnswered: boolean;
}

export function focused(page: Page): Promise<FocusedControl | null> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element || element === document.body) return null;
    const input = element as HTMLInputElement;
    const group = element.closest('fieldset');
    return {
      tag: element.localName,
      type: input.type ?? '',
      text: (element.textContent ?? '').trim(),
      value: input.value ?? '',
      min: input.min ?? '',
      inputMode: input.inputMode ?? '',
      groupAnswered: group ? [...group.querySelectorAll('input')].some((other) => other.checked) : false,
    };
  });
}

/** The text of the questionnaire's step heading. */
export function stepHeading(page: Page, host = 'barometre-questionnaire'): Promise<string> {
  return page.evaluate(
    (tag) => document.querySelector(tag)?.shadowRoot?.querySelector('[part~="step-heading"]')?.textContent?.trim() ?? '',
    host,
  );
}

const FORWARD_BUTTONS = new Set(['Suivant', 'Vérifier mes réponses', 'Envoyer mes réponses']);

/**
 * Answers a questionnaire as a keyboard user would: Tab from control to control, Space on the
 * first choice of each unanswered group, a number typed in each empty number field, Enter on the
 * button that goes forward. Stops when the heading matches `done`.
 */
export async function completeWithKeyboard(
  page: Page,
  done: RegExp,
  { maxKeys = 1500, beforeSubmit }: { maxKeys?: number; beforeSubmit?: () => Promise<void> } = {},
): Promise<string[]> {
  const headings: string[] = [];
  for (let keys = 0; keys < maxKeys; keys++) {
    const heading = await stepHeading(page);
    if (headings.at(-1) !== heading) headings.push(heading);
    if (done.test(heading)) return headings;
    await page.keyboard.press('Tab');
    const control = await focused(page);
    if (!control) continue;
    if ((control.type === 'radio' || control.type === 'checkbox') && !control.groupAnswered) {
      await page.keyboard.press('Space');
    } else if ((control.type === 'number' || /^(numeric|decimal)$/.test(control.inputMode)) && control.value === '') {
      // Number fields get their minimum (or 1); optional free-text fields stay empty.
      await page.keyboard.type(control.min && Number(control.min) > 0 ? control.min : '1');
    } else if (control.tag === 'button' && FORWARD_BUTTONS.has(control.text)) {
      if (control.text === 'Envoyer mes réponses') await beforeSubmit?.();
      await page.keyboard.press('Enter');
      await page.waitForTimeout(150);
    }
  }
  throw new Error(`Not finished after ${maxKeys} keys; headings seen: ${headings.join(' → ')}`);
}
