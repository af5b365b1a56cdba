import { expect, oneEvent } from '@open-wc/testing';
import type {
  BarometreErrorDetail,
  BarometreStepDetail,
  BarometreSubmittedDetail,
} from '../../../src/elements/questionnaire/define.js';
import type { BarometreQuestionnaire } from '../../../src/elements/questionnaire/barometre-questionnaire.js';
import {
  button,
  choice,
  descriptions,
  errorOf,
  field,
  focused,
  group,
  heading,
  links,
  pick,
  settle,
  status,
  summaryItems,
  textOf,
  typeInto,
  until,
} from '../helpers/dom.js';
import { installFakeApi, type FakeApi } from '../helpers/fake-api.js';
import { clickNext, forgetDevice, identify, mount } from '../helpers/questionnaire.js';
import { RENNES, testDefinition } from '../helpers/test-definition.js';

/** Answers both sections and arrives on the review page. */
async function answerAll(el: BarometreQuestionnaire) {
  await identify(el);
  await pick(choice(el, 'Avez-vous un lieu', 'Oui'));
  await pick(choice(el, 'Quels types de lieux ?', 'Médiathèque'));
  await pick(choice(el, 'Quels types de lieux ?', 'Autre lieu'));
  await typeInto(field(el, 'Précisez votre réponse « Autre lieu »'), 'Tiers-lieu');
  await pick(choice(el, 'Qui pilote', 'La commune'));
  await clickNext(el);
  await typeInto(field(el, 'Combien de conseillers'), '3');
  await typeInto(field(el, 'Un commentaire ?'), 'Merci');
  await clickNext(el, 'Vérifier mes réponses');
  expect(heading(el)).to.equal('Vérifiez vos réponses');
}

describe('<barometre-questionnaire> — review and submission', () => {
  let api: FakeApi;

  beforeEach(() => {
    forgetDevice();
    api = installFakeApi({ definitions: [testDefinition], collectivites: [RENNES] });
  });
  afterEach(() => api.uninstall());

  it('lists every answer on the review page, each with a link back to its field', async () => {
    const el = await mount({ definition: testDefinition });
    await answerAll(el);
    expect(descriptions(el)).to.deep.equal([
      'SIRET: 213 502 388 00019 — Rennes Modifier',
      'Vous répondez en tant que: Agent de la collectivité Modifier',
      'Avez-vous un lieu de médiation numérique ?: Oui Modifier',
      'Quels types de lieux ?: Médiathèque Autre lieu (Tiers-lieu) Modifier',
      'Qui pilote l’inclusion numérique ?: La commune Modifier',
      'Combien de conseillers numériques ?: 3 conseillers Modifier',
      'Un commentaire ?: Merci Modifier',
    ]);
    const edit = links(el, 'Modifier').find((link) => link.textContent!.includes('Combien de conseillers'))!;
    expect(edit.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Modifier la réponse « Combien de conseillers numériques ? »',
    );
    edit.click();
    await settle(20);
    expect(heading(el)).to.equal('Moyens');
    expect(focused(el)).to.equal(field(el, 'Combien de conseillers'));
    await expect(el).to.be.accessible();
  });

  it('sends the normalised answers once, then confirms with the date and the edit code to keep', async () => {
    const el = await mount({ definition: testDefinition });
    await answerAll(el);
    const submitted = oneEvent(el, 'barometre-submitted');
    button(el, 'Envoyer mes réponses').click();
    const { detail } = (await submitted) as CustomEvent<BarometreSubmittedDetail>;
    await settle(20);
    expect(detail.status).to.equal('created');
    expect(detail.theme).to.equal('inclusion');
    expect(detail.siret).to.equal(RENNES.siret);
    expect(detail.editToken).to.match(/^CODE-/);
    expect(Date.parse(detail.updatedAt)).to.be.closeTo(Date.now(), 60_000);

    const [put] = api.puts();
    expect(put!.path).to.equal(`/contributions/${RENNES.siret}/inclusion`);
    expect(put!.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
    expect(put!.body).to.deep.equal({
      role: 'agent',
      version: '0.9.0',
      answers: {
        lieu: 'oui',
        types_lieu: ['mediatheque', 'autre'],
        'types_lieu.autre': 'Tiers-lieu',
        pilotage: 'commune',
        conseillers: 3,
        commentaire: 'Merci',
      },
    });

    expect(heading(el)).to.equal('Merci, votre contribution est enregistrée');
    expect(focused(el)?.getAttribute('part')).to.equal('step-heading');
    expect(textOf(el)).to.match(/Enregistrée le \d{1,2} \S+ \d{4} à \d{2}:\d{2}\./);
    const code = el.shadowRoot!.querySelector('[part~="edit-code"]')!;
    expect(code.textContent).to.equal(detail.editToken);
    expect(textOf(el)).to.contain('Conservez ce code');
    expect(status(el)).to.equal('Contribution envoyée.');
    await expect(el).to.be.accessible();
  });

  it('copies the edit code with its button', async () => {
    const el = await mount({ definition: testDefinition });
    await answerAll(el);
    const copied: string[] = [];
    const clipboard = navigator.clipboard;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (text: string) => (copied.push(text), Promise.resolve()) },
    });
    try {
      button(el, 'Envoyer mes réponses').click();
      await until(() => heading(el).startsWith('Merci'), 'confirmation');
      button(el, 'Copier le code').click();
      await settle();
      expect(copied).to.deep.equal([api.contributions.get(`${RENNES.siret}/inclusion`)!.editToken]);
      expect(status(el)).to.equal('Code copié.');
    } finally {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
    }
  });

  it('replaces an existing contribution when the edit code is given', async () => {
    api.setExisting(RENNES.siret, 'inclusion', { editToken: 'code-existant' });
    const el = await mount({ definition: testDefinition });
    await typeInto(field(el, 'Numéro SIRET'), RENNES.siret);
    await until(() => textOf(el).includes('a déjà répondu'), 'existing shown');
    await typeInto(field(el, 'Code de modification'), 'code-existant');
    await answerAll(el);
    button(el, 'Envoyer mes réponses').click();
    await until(() => heading(el).startsWith('Merci'), 'confirmation');
    expect(heading(el)).to.equal('Merci, votre contribution est mise à jour');
    expect(textOf(el)).to.contain('Votre code de modification reste le même.');
    expect(api.puts()[0]!.headers.get('Authorization')).to.equal('Bearer code-existant');
  });

  it('explains a 409: the answer is kept for review and does not replace the existing one', async () => {
    api.setExisting(RENNES.siret, 'inclusion', {});
    const el = await mount({ definition: testDefinition });
    await answerAll(el);
    const submitted = oneEvent(el, 'barometre-submitted');
    button(el, 'Envoyer mes réponses').click();
    const { detail } = (await submitted) as CustomEvent<BarometreSubmittedDetail>;
    await settle(20);
    expect(detail.status).to.equal('pending');
    expect(detail.editToken).to.equal(undefined);
    expect(heading(el)).to.equal('Votre réponse est transmise pour examen');
    expect(textOf(el)).to.contain('Votre réponse ne remplace pas la réponse existante');
    expect(textOf(el)).to.contain('Référence : attente-1');
    expect(el.shadowRoot!.querySelector('[part~="edit-code"]')).to.equal(null);
    expect(api.contributions.get(`${RENNES.siret}/inclusion`)!.answers).to.deep.equal({});
    await expect(el).to.be.accessible();
  });

  it('takes the respondent back to the fields the server refused (422), with its messages', async () => {
    const el = await mount({ definition: testDefinition });
    await answerAll(el);
    api.respondNextPut(422, {
      error: 'invalid_answers',
      message: 'Une réponse n’est pas acceptée.',
      details: [{ questionId: 'pilotage', code: 'unknown_code', message: 'Choisissez une réponse parmi celles proposées.' }],
    });
    const failed = oneEvent(el, 'barometre-error');
    button(el, 'Envoyer mes réponses').click();
    const { detail } = (await failed) as CustomEvent<BarometreErrorDetail>;
    await settle(20);
    expect(detail.code).to.equal('invalid_answers');
    expect(heading(el)).to.equal('Lieux de médiation');
    expect(summaryItems(el)).to.deep.equal(['Qui pilote l’inclusion numérique ? : Choisissez une réponse parmi celles proposées.']);
    expect(errorOf(el, group(el, 'Qui pilote'))).to.equal('Choisissez une réponse parmi celles proposées.');
    expect(focused(el)?.getAttribute('part')).to.equal('error-summary');
    // Changing the answer clears the server's complaint.
    await pick(choice(el, 'Qui pilote', 'L’intercommunalité'));
    expect(summaryItems(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('says on the review page why a contribution was refused for another reason', async () => {
    const el = await mount({ definition: testDefinition });
    await answerAll(el);
    api.respondNextPut(422, { error: 'version_mismatch', message: 'Ces réponses suivent une ancienne version du questionnaire.' });
    button(el, 'Envoyer mes réponses').click();
    await until(() => summaryItems(el).length > 0, 'refusal shown');
    expect(heading(el)).to.equal('Vérifiez vos réponses');
    expect(summaryItems(el)).to.deep.equal([
      'Votre contribution n’a pas été acceptée. : Ces réponses suivent une ancienne version du questionnaire.',
    ]);
  });

  it('announces each step with its position', async () => {
    const el = await mount({ definition: testDefinition });
    const steps: BarometreStepDetail[] = [];
    el.addEventListener('barometre-step', (event) => steps.push(event.detail));
    await answerAll(el);
    expect(steps).to.deep.equal([
      { step: 'lieux', kind: 'section', index: 1, total: 4 },
      { step: 'moyens', kind: 'section', index: 2, total: 4 },
      { step: 'review', kind: 'review', index: 3, total: 4 },
    ]);
  });

  it('lets its events cross the shadow boundary to the page', async () => {
    const wrapper = document.createElement('div');
    document.body.append(wrapper);
    const seen: string[] = [];
    for (const name of ['barometre-step', 'barometre-draft-saved', 'barometre-submitted'] as const) {
      wrapper.addEventListener(name, () => seen.push(name));
    }
    const el = await mount({ definition: testDefinition });
    wrapper.append(el);
    await answerAll(el);
    button(el, 'Envoyer mes réponses').click();
    await until(() => seen.includes('barometre-submitted'), 'submitted heard');
    expect(seen).to.include.members(['barometre-step', 'barometre-draft-saved', 'barometre-submitted']);
    wrapper.remove();
  });

  it('without an API address, says that the answers cannot be sent', async () => {
    const el = await mount({ definition: testDefinition, api: null });
    await answerAll(el);
    const failed = oneEvent(el, 'barometre-error');
    button(el, 'Envoyer mes réponses').click();
    const { detail } = (await failed) as CustomEvent<BarometreErrorDetail>;
    expect(detail.code).to.equal('no_api');
    await settle();
    expect(summaryItems(el)[0]).to.contain('Aucune adresse de service');
  });
});
