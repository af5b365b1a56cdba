import { expect, fixture, html } from '@open-wc/testing';
import type { BarometreQuestionnaire } from '../../../src/elements/questionnaire/barometre-questionnaire.js';
import { button, choice, field, group, hasField, heading, pick, settle, textOf, typeInto, until, visibleText } from '../helpers/dom.js';
import { FAKE_API, installFakeApi, type FakeApi } from '../helpers/fake-api.js';
import { clickNext, forgetDevice, identify, mount } from '../helpers/questionnaire.js';
import { RENNES, testDefinition } from '../helpers/test-definition.js';

/**
 * A new edition's questionnaire starts from the collectivité's previous answers: after
 * identification, "Reprendre vos réponses de l'édition 2025" takes them up with that edition's
 * edit code (or at once with an attestation), prefills the unchanged questions and marks, in
 * words, those new or changed since — in the form and on the review page.
 */

const CODE = '7KQ4-M2XD-9HCT-R0FB';

/** What the API gives with the right code: the unchanged answers, and the questions changed since. */
const PREVIOUS = {
  edition: '2025',
  current: '2026',
  version: '0.9.0',
  answers: { lieu: 'oui', types_lieu: ['mediatheque', 'autre'], 'types_lieu.autre': 'Bus numérique' },
  changes: { pilotage: 'new', conseillers: 'changed' },
};

function attestation(claims: Record<string, unknown>): string {
  const part = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'ES256', kid: 'test' })}.${part({ iss: 'megalis-test', aud: 'barometre', ...claims })}.c2lnbmF0dXJl`;
}

describe('<barometre-questionnaire> — previous edition’s answers', () => {
  let api: FakeApi;
  const original = window.fetch;
  /** The credentials each request for the previous answers came with. */
  let asked: Array<{ authorization: string | null; attestation: string | null }>;

  const reply = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  /** The collectivité answered in 2025 (`previous`) or not; the previous answers open with {@link CODE} (in any case, as the server reads it) or an attestation. */
  function answeredIn2025(previous = true) {
    const faked = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      const headers = new Headers(init?.headers);
      if (url.endsWith('/precedente')) {
        asked.push({ authorization: headers.get('authorization'), attestation: headers.get('barometre-attestation') });
        if (headers.get('barometre-attestation') !== null || headers.get('authorization')?.toUpperCase() === `BEARER ${CODE}`) return reply(200, PREVIOUS);
        return reply(403, {
          error: 'previous_code_wrong',
          message: 'Ce code n’est pas celui des réponses de votre collectivité à l’édition 2025. Vérifiez-le. Encore 4 essais avant le blocage temporaire des codes pour ces réponses.',
          details: { field: 'editCode', remainingAttempts: 4 },
        });
      }
      if (new RegExp(`/contributions/${RENNES.siret}/inclusion$`).test(url) && (init?.method ?? 'GET') === 'GET') {
        return reply(200, previous ? { exists: false, previous: { edition: '2025' } } : { exists: false });
      }
      return faked(input, init);
    };
  }

  beforeEach(() => {
    forgetDevice();
    asked = [];
    api = installFakeApi({ definitions: [testDefinition], collectivites: [RENNES] });
  });
  afterEach(() => {
    window.fetch = original;
    api.uninstall();
  });

  /** Types the SIRET and waits for the offer. */
  async function offered(el: BarometreQuestionnaire, title = 'Reprendre vos réponses de l’édition 2025') {
    await typeInto(field(el, 'Numéro SIRET'), RENNES.siret);
    await until(() => textOf(el).includes(title), 'offer shown');
  }

  it('offers to take up the 2025 answers with that edition’s code, and says a wrong one by the field', async () => {
    answeredIn2025();
    const el = await mount({ theme: 'inclusion' });
    await offered(el);
    const code = field(el, 'Code de modification de l’édition 2025');
    await typeInto(code, '7KQ4-M2XD-9HCT-R0FA');
    button(el, 'Reprendre mes réponses').click();
    await until(() => code.getAttribute('aria-invalid') === 'true', 'refusal shown');
    const error = el.shadowRoot!.getElementById(code.getAttribute('aria-describedby')!.split(' ').at(-1)!)!;
    expect(visibleText(error)).to.contain('Encore 4 essais');
    expect(asked).to.deep.equal([{ authorization: 'Bearer 7KQ4-M2XD-9HCT-R0FA', attestation: null }]);
    await expect(el).to.be.accessible();
  });

  it('with the right code, prefills the unchanged questions and marks the new and changed ones in words, in the form and the review', async () => {
    answeredIn2025();
    const el = await mount({ theme: 'inclusion' });
    await offered(el);
    await typeInto(field(el, 'Code de modification de l’édition 2025'), CODE.toLowerCase());
    button(el, 'Reprendre mes réponses').click();
    await until(() => textOf(el).includes('ont été reprises'), 'taken');
    expect(textOf(el)).to.contain('2 réponses de l’édition 2025 ont été reprises.');
    expect(hasField(el, 'Code de modification de l’édition 2025')).to.equal(false);

    await identify(el);
    expect(heading(el)).to.equal('Lieux de médiation');
    expect(choice(el, 'Avez-vous un lieu', 'Oui').checked).to.equal(true);
    expect(choice(el, 'Quels types de lieux', 'Médiathèque').checked).to.equal(true);
    expect(field(el, 'Précisez votre réponse').value).to.equal('Bus numérique');
    // The mark is part of the question's accessible name: the legend holds it.
    expect(visibleText(group(el, 'Qui pilote').querySelector('legend')!)).to.contain('Nouvelle question');
    expect(visibleText(group(el, 'Avez-vous un lieu').querySelector('legend')!)).to.not.contain('Nouvelle question');
    expect(visibleText(group(el, 'Avez-vous un lieu').querySelector('legend')!)).to.not.contain('modifiée');
    expect(choice(el, 'Qui pilote', 'La commune').checked).to.equal(false);
    await expect(el).to.be.accessible();

    await pick(choice(el, 'Qui pilote', 'La commune'));
    await clickNext(el);
    expect(heading(el)).to.equal('Moyens');
    const adviser = field(el, 'Combien de conseillers numériques');
    expect(adviser.labels![0]!.textContent).to.contain('Question modifiée depuis l’édition 2025');
    expect(adviser.value).to.equal('');
    await typeInto(adviser, '2');
    await clickNext(el, 'Vérifier mes réponses');
    await until(() => heading(el) === 'Vérifiez vos réponses', 'review');
    const terms = [...el.shadowRoot!.querySelectorAll('dt')].map((term) => visibleText(term));
    expect(terms).to.include('Qui pilote l’inclusion numérique ? Nouvelle question');
    expect(terms).to.include('Combien de conseillers numériques ? Question modifiée depuis l’édition 2025');
    expect(terms).to.include('Avez-vous un lieu de médiation numérique ?');
  });

  it('takes them up at once with the portal’s attestation for the SIRET, without a code', async () => {
    answeredIn2025();
    const token = attestation({ siret: RENNES.siret, role: 'agent' });
    const el = await fixture<BarometreQuestionnaire>(
      html`<barometre-questionnaire api=${FAKE_API} theme="inclusion" lang="fr" attestation=${token}></barometre-questionnaire>`,
    );
    await until(() => textOf(el).includes('ont été reprises'), 'taken at once');
    expect(asked).to.deep.equal([{ authorization: null, attestation: token }]);
    expect(hasField(el, 'Code de modification de l’édition 2025')).to.equal(false);
    await clickNext(el);
    await until(() => heading(el) === 'Lieux de médiation', 'first section');
    expect(choice(el, 'Avez-vous un lieu', 'Oui').checked).to.equal(true);
  });

  it('never overwrites an answer already given on this device', async () => {
    answeredIn2025();
    const el = await mount({ theme: 'inclusion' });
    await identify(el);
    await pick(choice(el, 'Avez-vous un lieu', 'Non'));
    button(el, 'Précédent').click();
    await settle(20);
    await until(() => textOf(el).includes('Reprendre vos réponses de l’édition 2025'), 'offer shown');
    await typeInto(field(el, 'Code de modification de l’édition 2025'), CODE);
    button(el, 'Reprendre mes réponses').click();
    await until(() => textOf(el).includes('ont été reprises'), 'taken');
    await clickNext(el);
    expect(choice(el, 'Avez-vous un lieu', 'Non').checked).to.equal(true);
  });

  it('in English too', async () => {
    answeredIn2025();
    const el = await mount({ theme: 'inclusion', lang: 'en' });
    await typeInto(field(el, 'SIRET number'), RENNES.siret);
    await until(() => textOf(el).includes('Take up your answers from the 2025 edition'), 'offer shown');
    await typeInto(field(el, 'Edit code of the 2025 edition'), CODE);
    button(el, 'Take up my answers').click();
    await until(() => textOf(el).includes('were taken up'), 'taken');
    await identify(el, { lang: 'en', role: 'A member of staff' });
    expect(visibleText(group(el, 'Who leads').querySelector('legend')!)).to.contain('New question');
  });

  it('offers nothing when the collectivité did not answer the previous edition', async () => {
    answeredIn2025(false);
    const el = await mount({ theme: 'inclusion' });
    await typeInto(field(el, 'Numéro SIRET'), RENNES.siret);
    await until(() => textOf(el).includes('Rennes'), 'collectivité found');
    await settle(50);
    expect(textOf(el)).to.not.contain('Reprendre vos réponses');
    expect(asked).to.deep.equal([]);
  });
});
