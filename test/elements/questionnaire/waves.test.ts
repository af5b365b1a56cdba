import { expect, fixture, html } from '@open-wc/testing';
import type { BarometreQuestionnaire } from '../../../src/elements/questionnaire/barometre-questionnaire.js';
import '../../../src/elements/questionnaire/define.js';
import { field, hasField, textOf, until } from '../helpers/dom.js';
import { FAKE_API, installFakeApi, type FakeApi } from '../helpers/fake-api.js';
import { forgetDevice } from '../helpers/questionnaire.js';
import { RENNES, testDefinition } from '../helpers/test-definition.js';

/**
 * Outside a wave, the questionnaire says when its theme opens, or that it has closed, instead of
 * the form: nothing can be typed that the server would refuse. The wave comes from the API
 * (`GET /questionnaires/:theme/vague`).
 */
describe('<barometre-questionnaire> — waves', () => {
  let api: FakeApi;
  const original = window.fetch;

  /** The API answers the wave's route with `wave`; every other request goes to the fake API. */
  function answerWave(wave: unknown) {
    const faked = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith('/vague')) return new Response(JSON.stringify(wave), { status: 200, headers: { 'content-type': 'application/json' } });
      return faked(input, init);
    };
  }

  beforeEach(() => {
    forgetDevice();
    api = installFakeApi({ definitions: [testDefinition], collectivites: [RENNES] });
  });
  afterEach(() => {
    window.fetch = original;
    api.uninstall();
  });

  const place = (lang = 'fr') =>
    fixture<BarometreQuestionnaire>(
      html`<barometre-questionnaire api=${FAKE_API} theme="cybersecurite" lang=${lang} .definition=${{ ...testDefinition, theme: 'cybersecurite' }}></barometre-questionnaire>`,
    );

  it('says when the theme opens, in words, and shows no field to type into', async () => {
    answerWave({ edition: '2027', state: 'upcoming', opens: '2027-01-15', closes: '2027-06-30' });
    const el = await place();
    await until(() => textOf(el).includes('ouvre le'), 'notice shown');
    expect(textOf(el)).to.contain('Le volet « Cybersécurité » de l’édition 2027 du Baromètre ouvre le 15 janvier 2027.');
    expect(textOf(el)).to.contain('revenez à partir de cette date');
    expect(hasField(el, 'Numéro SIRET')).to.equal(false);
    expect(el.shadowRoot!.querySelector('[role=status][data-wave=upcoming]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says that the theme has closed, in English too', async () => {
    answerWave({ edition: '2026', state: 'closed', opens: '2026-02-02', closes: '2027-04-01' });
    const el = await place('en');
    await until(() => textOf(el).includes('closed on'), 'notice shown');
    expect(textOf(el)).to.contain('The “Cybersecurity” questionnaire of the Baromètre’s 2026 edition closed on 1 April 2027.');
    expect(textOf(el)).to.contain('no longer collected');
    expect(hasField(el, 'SIRET number')).to.equal(false);
  });

  it('a French first of the month is an ordinal', async () => {
    answerWave({ edition: '2026', state: 'closed', opens: '2026-02-02', closes: '2027-04-01' });
    const el = await place();
    await until(() => textOf(el).includes('clos depuis'), 'notice shown');
    expect(textOf(el)).to.contain('est clos depuis le 1er avril 2027.');
  });

  it('an open wave, or a server that does not say, leaves the form as it is', async () => {
    answerWave({ edition: '2026', state: 'open', opens: '2026-02-02', closes: '2027-03-31' });
    const el = await place();
    await until(() => hasField(el, 'Numéro SIRET'), 'form shown');
    expect(field(el, 'Numéro SIRET')).to.not.equal(null);
    expect(textOf(el)).to.not.contain('ouvre le');
  });
});
