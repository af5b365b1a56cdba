import { expect, fixture, html } from '@open-wc/testing';
import type { BarometreQuestionnaire } from '../../../src/elements/questionnaire/barometre-questionnaire.js';
import '../../../src/elements/questionnaire/define.js';
import { choice, field, hasField, heading, pick, settle, textOf, typeInto, until } from '../helpers/dom.js';
import { FAKE_API, installFakeApi, type FakeApi } from '../helpers/fake-api.js';
import { forgetDevice, identify, mount } from '../helpers/questionnaire.js';
import { RENNES, testDefinition } from '../helpers/test-definition.js';

/**
 * The identification step needs nothing of the definition: on a first visit it shows while the
 * definition is still on its way, and the form goes on from what was typed once it arrives.
 */
describe('<barometre-questionnaire> — identification before the definition', () => {
  let api: FakeApi;
  let release: () => void;
  const original = window.fetch;

  beforeEach(() => {
    forgetDevice();
    api = installFakeApi({ definitions: [testDefinition], collectivites: [RENNES] });
    // The definition waits until the test lets it through; every other request goes on.
    const held = new Promise<void>((resolve) => (release = resolve));
    const faked = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).includes('/questionnaires/')) await held;
      return faked(input, init);
    };
  });
  afterEach(() => {
    release();
    window.fetch = original;
    api.uninstall();
  });

  const place = (siret = '') =>
    fixture<BarometreQuestionnaire>(html`<barometre-questionnaire api=${FAKE_API} theme=${testDefinition.theme} siret=${siret}></barometre-questionnaire>`);

  it('shows the SIRET field and the roles while the definition loads, prefilled from the page', async () => {
    const el = await place('21350238800019');
    expect(heading(el)).to.equal('Votre collectivité');
    expect(field(el, 'Numéro SIRET').value).to.equal('213 502 388 00019');
    expect(hasField(el, 'Agent de la collectivité')).to.equal(true);
    // The number of steps is the definition's: no progress yet.
    expect(el.shadowRoot!.querySelector('progress')).to.equal(null);
    await expect(el).to.be.accessible();
    // The SIRET given is looked up once the definition is here, as on any visit.
    release();
    await until(() => textOf(el).includes('Collectivité trouvée'), 'collectivité shown');
  });

  it('keeps what was typed when the definition arrives, and saves it as a draft then', async () => {
    const el = await place();
    await typeInto(field(el, 'Numéro SIRET'), '21350238800019');
    await pick(choice(el, 'Vous répondez en tant que', 'Élu ou élue'));
    expect(localStorage.length).to.equal(0);
    release();
    await until(() => el.shadowRoot!.querySelector('progress') !== null, 'definition shown');
    expect(field(el, 'Numéro SIRET').value).to.equal('213 502 388 00019');
    expect(choice(el, 'Vous répondez en tant que', 'Élu ou élue').checked).to.equal(true);
    expect(textOf(el)).to.contain('Étape 1 sur 4');
    expect(Object.keys(localStorage).some((key) => key.startsWith('barometre:draft:'))).to.equal(true);
  });

  it('moves on once the definition is here when "Suivant" was pressed before', async () => {
    const el = await place('21350238800019');
    await pick(choice(el, 'Vous répondez en tant que', 'Agent de la collectivité'));
    (el.shadowRoot!.querySelector('button[type=submit]') as HTMLButtonElement).click();
    await settle(20);
    expect(heading(el)).to.equal('Votre collectivité');
    release();
    await until(() => heading(el) !== 'Votre collectivité', 'first section shown');
    expect(heading(el)).to.equal(testDefinition.sections[0]!.title.fr);
  });

  it('says what is missing at once when "Suivant" is pressed before the definition', async () => {
    const el = await place();
    (el.shadowRoot!.querySelector('button[type=submit]') as HTMLButtonElement).click();
    await settle(20);
    expect(textOf(el)).to.contain('Indiquez si vous répondez en tant qu’agent ou qu’élu.');
  });

  it('waits for the definition when a draft of the theme is kept: it may open on another step', async () => {
    release();
    const first = await mount({ theme: testDefinition.theme, siret: '21350238800019' });
    await identify(first);
    first.remove();
    let released!: () => void;
    const held = new Promise<void>((resolve) => (released = resolve));
    const faked = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).includes('/questionnaires/')) await held;
      return faked(input, init);
    };
    const el = await place('21350238800019');
    expect(hasField(el, 'Numéro SIRET')).to.equal(false);
    released();
    await until(() => heading(el) === testDefinition.sections[0]!.title.fr, 'draft restored on its section');
  });
});
