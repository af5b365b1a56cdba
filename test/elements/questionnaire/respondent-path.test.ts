// The respondent's path, as a secrétaire de mairie walks it: what shows when, what is said to a
// screen reader, what a typed figure becomes, and what the page hears.
import { aTimeout, expect } from '@open-wc/testing';
import type { BarometreQuestionnaire } from '../../../src/elements/questionnaire/barometre-questionnaire.js';
import type { BarometreStepDetail } from '../../../src/elements/questionnaire/events.js';
import type { QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';
import {
  button,
  choice,
  descriptions,
  errorOf,
  field,
  group,
  heading,
  leave,
  pick,
  settle,
  summaryItems,
  typeInto,
  until,
  visibleText,
} from '../helpers/dom.js';
import { installFakeApi, type FakeApi } from '../helpers/fake-api.js';
import { clickNext, forgetDevice, identify, mount } from '../helpers/questionnaire.js';
import { RENNES, testDefinition } from '../helpers/test-definition.js';

/** The test definition with its number question taking decimals. */
const withDecimals: QuestionnaireDefinition = {
  ...testDefinition,
  sections: testDefinition.sections.map((section) => ({
    ...section,
    questions: section.questions.map((question) => (question.kind === 'number' ? { ...question, integer: false } : question)),
  })),
};

/** The texts of every live region of the element but the status line. */
function liveRegions(el: BarometreQuestionnaire): string[] {
  return [...el.shadowRoot!.querySelectorAll('[role="status"]:not([part~="status"]), [aria-live]')].map((region) =>
    (region.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

async function answerAll(el: BarometreQuestionnaire) {
  await identify(el);
  await pick(choice(el, 'Avez-vous un lieu', 'Oui'));
  await pick(choice(el, 'Quels types de lieux ?', 'Médiathèque'));
  await pick(choice(el, 'Qui pilote', 'La commune'));
  await clickNext(el);
  await typeInto(field(el, 'Combien de conseillers'), '3');
  await typeInto(field(el, 'Un commentaire ?'), 'Merci');
  await clickNext(el, 'Vérifier mes réponses');
  expect(heading(el)).to.equal('Vérifiez vos réponses');
}

describe('<barometre-questionnaire> — the respondent’s path', () => {
  let api: FakeApi;

  beforeEach(() => {
    forgetDevice();
    api = installFakeApi({ definitions: [testDefinition, withDecimals], collectivites: [RENNES] });
  });
  afterEach(() => api.uninstall());

  it('after a failed "next", a follow-up an answer reveals is not flagged before the respondent has dealt with it', async () => {
    const el = await mount({ definition: testDefinition });
    await identify(el);
    await clickNext(el);
    expect(summaryItems(el)).to.have.length(2);
    await pick(choice(el, 'Avez-vous un lieu', 'Oui'));
    // The question just revealed says nothing; the one already shown still does.
    expect(errorOf(el, group(el, 'Quels types de lieux ?'))).to.equal('');
    expect(summaryItems(el)).to.deep.equal(['Qui pilote l’inclusion numérique ? : Choisissez une réponse.']);
    // Nor does the "specify" text revealed by a choice.
    await pick(choice(el, 'Qui pilote', 'Une autre structure'));
    expect(errorOf(el, field(el, 'Précisez votre réponse'))).to.equal('');
    expect(summaryItems(el)).to.deep.equal([]);
    // Trying again shows them all.
    await clickNext(el);
    expect(heading(el)).to.equal('Lieux de médiation');
    expect(errorOf(el, group(el, 'Quels types de lieux ?'))).to.equal('Cochez au moins une réponse.');
    expect(summaryItems(el)).to.have.length(2);
  });

  it('announces a SIRET that matches no collectivité in the live region, instead of leaving it empty', async () => {
    const el = await mount({ definition: testDefinition });
    await typeInto(field(el, 'Numéro SIRET'), '21440109300015');
    await until(() => errorOf(el, field(el, 'Numéro SIRET')) !== '', 'unknown collectivité reported');
    expect(liveRegions(el).join(' ')).to.contain('Aucune collectivité connue ne porte ce SIRET.');
    await expect(el).to.be.accessible();
  });

  it('leaves no blank space under the answers of the review, at 768 px wide', async () => {
    const el = await mount({ definition: testDefinition });
    el.style.width = '768px';
    await answerAll(el);
    const rows = [...el.shadowRoot!.querySelectorAll<HTMLElement>('dl.review > div')];
    expect(rows.length).to.be.greaterThan(5);
    for (const row of rows) {
      const term = row.querySelector('dt')!.getBoundingClientRect();
      const answer = row.querySelector('dd')!;
      // The answer's box is as tall as its lines: one line of text, or a short list.
      const lines = answer.querySelector('li') ? answer.querySelectorAll('li').length + 1 : 1;
      expect(answer.getBoundingClientRect().height, visibleText(row)).to.be.below(lines * 32);
      // And the next row starts right under it.
      const gap = row.getBoundingClientRect().bottom - answer.getBoundingClientRect().bottom;
      expect(gap, visibleText(row)).to.be.below(20);
      expect(answer.getBoundingClientRect().top - term.bottom).to.be.below(12);
    }
  });

  it('sets French text with no-break spaces, so that no « ? » or « : » ever starts a line; English is left alone', async () => {
    const el = await mount({ definition: testDefinition });
    await identify(el);
    await clickNext(el);
    const legend = group(el, 'Avez-vous un lieu').querySelector('legend')!;
    expect(legend.textContent).to.contain('numérique\u202f?');
    // Definitions, messages and errors alike: no ordinary space before ? ! ; : nor inside « ».
    const text = el.shadowRoot!.textContent!;
    expect(text).to.contain('Questions répondues\u00a0:');
    expect(text).not.to.match(/ [?!;:»]|« /);
    el.remove();
    forgetDevice();
    const english = await mount({ definition: testDefinition, lang: 'en' });
    await identify(english, { lang: 'en', role: 'A member of staff' });
    expect(group(english, 'Do you have').querySelector('legend')!.textContent).to.contain('mediation place?');
  });

  it('counts the characters a person sees, and shows the limit of a "specify" text before it is passed', async () => {
    const el = await mount({ definition: testDefinition });
    await identify(el);
    await pick(choice(el, 'Avez-vous un lieu', 'Non'));
    await pick(choice(el, 'Qui pilote', 'Une autre structure'));
    const other = field(el, 'Précisez votre réponse');
    const otherCount = () => errorOfExtra(el, other);
    expect(otherCount()).to.equal('0 caractère sur 200');
    await typeInto(other, 'Le CCAS 👩‍💻');
    expect(otherCount()).to.equal('9 caractères sur 200');
    await clickNext(el);
    const comment = field<HTMLTextAreaElement>(el, 'Un commentaire ?');
    await typeInto(comment, '👩‍💻');
    expect(errorOfExtra(el, comment)).to.equal('1 caractère sur 300');
    // 300 of them are 1 500 UTF-16 units, and exactly the limit: no complaint, here or at "next".
    await typeInto(comment, '👩‍💻'.repeat(300));
    expect(errorOfExtra(el, comment)).to.equal('300 caractères sur 300');
    await leave(comment);
    expect(errorOf(el, comment)).to.equal('');
    await typeInto(comment, '👩‍💻'.repeat(301));
    expect(errorOfExtra(el, comment)).to.equal('1 caractère en trop');
  });

  it('an exclusive answer unticks the others at once, and says so in a live region tied to the question', async () => {
    const el = await mount({ definition: testDefinition });
    await identify(el);
    await pick(choice(el, 'Avez-vous un lieu', 'Oui'));
    await pick(choice(el, 'Quels types de lieux ?', 'France services'));
    await pick(choice(el, 'Quels types de lieux ?', 'Médiathèque'));
    await pick(choice(el, 'Quels types de lieux ?', 'Aucun lieu labellisé'));
    const ticked = () =>
      [...group(el, 'Quels types de lieux ?').querySelectorAll<HTMLInputElement>('input:checked')].map((box) => visibleText(box.labels![0]!));
    expect(ticked()).to.deep.equal(['Aucun lieu labellisé']);
    const note = group(el, 'Quels types de lieux ?').querySelector('[role="status"]')!;
    expect(visibleText(note)).to.equal('La réponse « Aucun lieu labellisé » exclut les autres : elles ont été décochées.');
    expect(errorOf(el, group(el, 'Quels types de lieux ?'))).to.equal('');
    await pick(choice(el, 'Quels types de lieux ?', 'Médiathèque'));
    expect(ticked()).to.deep.equal(['Médiathèque']);
    expect(visibleText(note)).to.equal(
      'La réponse « Aucun lieu labellisé » a été décochée : elle ne se combine pas avec d’autres réponses.',
    );
    await pick(choice(el, 'Quels types de lieux ?', 'France services'));
    expect(visibleText(note)).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('reads "2,5" as two and a half where decimals are allowed, and refuses it clearly where a whole number is asked', async () => {
    const el = await mount({ definition: testDefinition });
    await identify(el);
    await pick(choice(el, 'Avez-vous un lieu', 'Non'));
    await pick(choice(el, 'Qui pilote', 'La commune'));
    await clickNext(el);
    const number = field(el, 'Combien de conseillers');
    expect(number.inputMode).to.equal('numeric');
    await typeInto(number, '2,5');
    await leave(number);
    expect(number.value).to.equal('2,5');
    expect(errorOf(el, number)).to.equal('Indiquez un nombre entier, sans décimale.');
    await clickNext(el, 'Vérifier mes réponses');
    expect(heading(el)).to.equal('Moyens');
    await typeInto(number, '1 2');
    await clickNext(el, 'Vérifier mes réponses');
    expect(descriptions(el)).to.include('Combien de conseillers numériques ?: 12 conseillers Modifier');

    el.remove();
    forgetDevice();
    const decimals = await mount({ definition: withDecimals });
    await identify(decimals);
    await pick(choice(decimals, 'Avez-vous un lieu', 'Non'));
    await pick(choice(decimals, 'Qui pilote', 'La commune'));
    await clickNext(decimals);
    const typed = field(decimals, 'Combien de conseillers');
    expect(typed.inputMode).to.equal('decimal');
    await typeInto(typed, '2,5');
    await leave(typed);
    expect(errorOf(decimals, typed)).to.equal('');
    await clickNext(decimals, 'Vérifier mes réponses');
    expect(descriptions(decimals)).to.include('Combien de conseillers numériques ?: 2,5 conseillers Modifier');
    // Coming back shows it as it was typed, and "2,5,1" is not a number.
    button(decimals, 'Précédent').click();
    await settle();
    expect(field(decimals, 'Combien de conseillers').value).to.equal('2,5');
    await typeInto(field(decimals, 'Combien de conseillers'), '2,5,1');
    await leave(field(decimals, 'Combien de conseillers'));
    expect(errorOf(decimals, field(decimals, 'Combien de conseillers'))).to.equal('Indiquez un nombre en chiffres, par exemple 12.');
  });

  it('offers "Recommencer" only once something is answered, after the step’s buttons, and confirms it in a dialog', async () => {
    const el = await mount({ definition: testDefinition });
    const named = () => [...el.shadowRoot!.querySelectorAll('button')].filter((candidate) => visibleText(candidate) === 'Recommencer');
    expect(named()).to.deep.equal([]);
    await identify(el);
    expect(named()).to.have.length(1);
    // Not the first keyboard stop: every control of the step comes before it.
    const focusable = [...el.shadowRoot!.querySelectorAll<HTMLElement>('input, button, a[href], textarea')].filter(
      (candidate) => !candidate.closest('dialog'),
    );
    expect(focusable.at(-1)).to.equal(named()[0]);
    expect(focusable[0]).not.to.equal(named()[0]);
    named()[0]!.click();
    await settle();
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('tells the page of a saved draft once typing pauses, and of a step only when it changes', async () => {
    const el = await mount({ definition: testDefinition });
    const steps: BarometreStepDetail[] = [];
    let saved = 0;
    el.addEventListener('barometre-step', (event) => steps.push(event.detail));
    el.addEventListener('barometre-draft-saved', () => saved++);
    await clickNext(el);
    // Staying on the identification step, even when it is wiped, is no new step.
    await typeInto(field(el, 'Numéro SIRET'), '2135');
    button(el, 'Recommencer').click();
    button(el, 'Oui, tout effacer').click();
    await settle();
    expect(steps).to.deep.equal([]);
    await identify(el);
    expect(steps.map((step) => step.step)).to.deep.equal(['lieux']);
    await clickNext(el);
    await clickNext(el);
    expect(steps.map((step) => step.step)).to.deep.equal(['lieux']);
    await pick(choice(el, 'Avez-vous un lieu', 'Non'));
    await pick(choice(el, 'Qui pilote', 'Une autre structure'));
    saved = 0;
    await typeInto(field(el, 'Précisez votre réponse'), 'Le CCAS');
    expect(saved).to.equal(0);
    await aTimeout(1300);
    expect(saved).to.equal(1);
  });

  describe('on a page the API does not answer', () => {
    const original = { fetch: window.fetch, error: console.error };
    let logged: string[];
    afterEach(() => {
      window.fetch = original.fetch;
      console.error = original.error;
    });

    /**
     * The browser's view of a server that answers but does not list this page's origin (a CORS
     * refusal: every API request fails as a network error, while a no-cors request to the
     * server succeeds), or of a server nobody reaches.
     */
    function serve(api: string, server: 'refusing' | 'down') {
      logged = [];
      console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
      window.fetch = (input, init) => {
        if (!String(input).startsWith(new URL(api).origin)) return original.fetch(input, init);
        if (init?.mode === 'no-cors' && server === 'refusing') return Promise.resolve(new Response(null, { status: 200 }));
        return Promise.reject(new TypeError('Failed to fetch'));
      };
    }

    it('tells the integrator to add the page’s origin to BAROMETRE_ORIGINS, and the respondent that their connection is not at fault', async () => {
      const refusing = 'https://refusing.barometre.test/api/v1';
      serve(refusing, 'refusing');
      const el = await mount({ definition: testDefinition, api: refusing });
      await typeInto(field(el, 'Numéro SIRET'), RENNES.siret);
      await until(() => liveRegions(el).join(' ').includes('n’accepte pas encore'), 'refusal said');
      expect(liveRegions(el).join(' ')).to.contain('ce n’est pas un problème de connexion');
      expect(liveRegions(el).join(' ')).not.to.contain('connexion à internet');
      expect(logged).to.have.length(1);
      expect(logged[0]).to.contain('BAROMETRE_ORIGINS').and.to.contain(location.origin);
      // The answers wait, and the waiting page says why in the same words.
      await identify(el);
      await pick(choice(el, 'Avez-vous un lieu', 'Non'));
      await pick(choice(el, 'Qui pilote', 'La commune'));
      await clickNext(el);
      await typeInto(field(el, 'Combien de conseillers'), '3');
      await clickNext(el, 'Vérifier mes réponses');
      button(el, 'Envoyer mes réponses').click();
      const waiting = () => el.shadowRoot!.querySelector('[part~="waiting"]')?.textContent ?? '';
      await until(() => waiting().includes('n’accepte pas encore'), 'waiting page says why', 5000);
      expect(waiting()).not.to.contain('connexion à internet');
      expect(logged).to.have.length(1);
    });

    it('still speaks of the connection when the server cannot be reached at all', async () => {
      const down = 'https://down.barometre.test/api/v1';
      serve(down, 'down');
      const el = await mount({ definition: testDefinition, api: down });
      await typeInto(field(el, 'Numéro SIRET'), RENNES.siret);
      await until(() => liveRegions(el).join(' ').includes('Impossible de vérifier ce SIRET'), 'offline said');
      expect(logged).to.deep.equal([]);
    });
  });
});

/** The count under a text field (the first description that is not an error). */
function errorOfExtra(el: BarometreQuestionnaire, control: Element): string {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  const count = ids.map((id) => el.shadowRoot!.getElementById(id)).find((element) => element?.classList.contains('count'));
  return count ? visibleText(count) : '';
}
