// Mounting the questionnaire and walking its steps, for the element tests.
import { fixture, html } from '@open-wc/testing';
import type { BarometreQuestionnaire } from '../../../src/elements/questionnaire/barometre-questionnaire.js';
import '../../../src/elements/questionnaire/define.js';
import type { QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';
import { button, choice, field, heading, pick, settle, summaryItems, typeInto, until } from './dom.js';
import { FAKE_API } from './fake-api.js';

// Test files run in parallel pages of one browser, and pages of one origin share localStorage:
// one file clearing it would wipe another's drafts and outbox mid-test. Each page's
// sessionStorage is its own, with the same Storage behaviour, so the elements get that instead.
Object.defineProperty(window, 'localStorage', { configurable: true, get: () => sessionStorage });

export interface MountOptions {
  definition?: QuestionnaireDefinition;
  theme?: string;
  api?: string | null;
  siret?: string;
  lang?: string;
  src?: string;
}

/** Mounts a questionnaire and waits until its first step is on screen. */
export async function mount(options: MountOptions = {}): Promise<BarometreQuestionnaire> {
  const api = options.api === null ? undefined : (options.api ?? FAKE_API);
  const el = await fixture<BarometreQuestionnaire>(html`<barometre-questionnaire
    .definition=${options.definition}
    theme=${options.theme ?? ''}
    api=${api ?? ''}
    siret=${options.siret ?? ''}
    lang=${options.lang ?? 'fr'}
    src=${options.src ?? ''}
  ></barometre-questionnaire>`);
  // Loaded: a step with its progress (the identification step may show earlier, without it), a
  // contribution waiting or confirmed, or the alert saying the questionnaire could not be loaded.
  const loaded = '[part~="progress"], [part~="waiting"], [part~="confirmation"], [role="alert"]';
  await until(() => el.shadowRoot!.querySelector(loaded) !== null, 'loaded');
  await settle();
  return el;
}

/** Removes every trace a previous test left on this device. */
export function forgetDevice(): void {
  localStorage.clear();
}

/** Fills the identification step and goes on to the first section. */
export async function identify(
  el: BarometreQuestionnaire,
  { siret = '21350238800019', role = 'Agent de la collectivité', lang = 'fr' }: { siret?: string; role?: string; lang?: 'fr' | 'en' } = {},
): Promise<void> {
  const fr = lang === 'fr';
  const siretField = field(el, fr ? 'Numéro SIRET' : 'SIRET number');
  if (siretField.value.replace(/\s/g, '') !== siret) await typeInto(siretField, siret);
  await pick(choice(el, fr ? 'Vous répondez en tant que' : 'You are answering as', role));
  await clickNext(el, fr ? 'Suivant' : 'Next');
  // "Next" first waits for the SIRET lookup under way, whose client loads on first use.
  const first = fr ? 'Votre collectivité' : 'Your local authority';
  await until(() => heading(el) !== first || summaryItems(el).length > 0, 'left the identification step');
}

/** Presses the step's main button and lets the next step render. */
export async function clickNext(el: BarometreQuestionnaire, name = 'Suivant'): Promise<void> {
  button(el, name).click();
  await settle(20);
}
