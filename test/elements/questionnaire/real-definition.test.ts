import { expect } from '@open-wc/testing';
import { cybersecuriteDefinition } from '../../../src/questionnaires/cybersecurite.js';
import type { QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';
import type { BarometreErrorDetail } from '../../../src/elements/questionnaire/define.js';
import { choice, hasField, heading, pick, textOf } from '../helpers/dom.js';
import { FAKE_API, installFakeApi, type FakeApi } from '../helpers/fake-api.js';
import { forgetDevice, identify, mount } from '../helpers/questionnaire.js';
import { RENNES, testDefinition } from '../helpers/test-definition.js';

const cybersecurite = cybersecuriteDefinition as QuestionnaireDefinition;

describe('<barometre-questionnaire> — real definitions and their sources', () => {
  let api: FakeApi;

  beforeEach(() => {
    forgetDevice();
    api = installFakeApi({ definitions: [cybersecurite], collectivites: [RENNES] });
  });
  afterEach(() => api.uninstall());

  it('loads the cybersecurity questionnaire from the API and shows its conditional questions in place', async () => {
    const el = await mount({ theme: 'cybersecurite' });
    expect(api.requests[0]!.path).to.equal('/questionnaires/cybersecurite');
    expect(textOf(el)).to.contain('Cybersécurité');
    await identify(el);
    expect(heading(el)).to.equal('Incidents');
    expect(hasField(el, 'De quels types d’attaques s’agissait-il')).to.equal(false);
    await pick(choice(el, 'Votre collectivité a-t-elle subi une cyberattaque', 'Oui'));
    expect(hasField(el, 'De quels types d’attaques s’agissait-il')).to.equal(true);
    expect(hasField(el, 'Avez-vous notifié à la CNIL la ou les fuites de données')).to.equal(false);
    await pick(choice(el, 'De quels types d’attaques', 'Vol ou fuite de données'));
    expect(hasField(el, 'Avez-vous notifié à la CNIL la ou les fuites de données')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('falls back to the bundled definition of the theme without an API', async () => {
    const el = await mount({ theme: 'cybersecurite', api: null });
    expect(api.requests).to.have.length(0);
    expect(textOf(el)).to.contain('Cybersécurité');
    expect(heading(el)).to.equal('Votre collectivité');
  });

  it('falls back to the bundled definition when the API cannot be reached', async () => {
    api.mode = 'offline';
    const el = await mount({ theme: 'cybersecurite' });
    expect(textOf(el)).to.contain('Cybersécurité');
  });

  it('prefers the JSON definition at src over the API', async () => {
    const el = await mount({ theme: 'cybersecurite', src: `${FAKE_API}/questionnaires/inclusion-essai` });
    // The fake serves no such theme: the element says the questionnaire is unavailable.
    expect(textOf(el)).to.contain('Le questionnaire n’a pas pu être chargé.');
    api.uninstall();
    api = installFakeApi({ definitions: [cybersecurite, testDefinition], collectivites: [RENNES] });
    const other = await mount({ theme: 'cybersecurite', src: `${FAKE_API}/questionnaires/inclusion` });
    expect(textOf(other)).to.contain('Inclusion numérique (essai)');
  });

  it('says so, and tells the page, when a theme is unknown', async () => {
    const errors: string[] = [];
    document.addEventListener('barometre-error', (event) => errors.push((event as CustomEvent<BarometreErrorDetail>).detail.code), { once: true });
    const el = await mount({ theme: 'inconnu', api: null });
    expect(errors).to.deep.equal(['unknown_theme']);
    expect(textOf(el)).to.contain('Aucun questionnaire ne porte le nom « inconnu ».');
    await expect(el).to.be.accessible();
  });
});
