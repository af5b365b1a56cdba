import { expect, fixture, html } from '@open-wc/testing';
import type { BarometreQuestionnaire } from '../../../src/elements/questionnaire/barometre-questionnaire.js';
import '../../../src/elements/provider/define.js';
import { button, choice, errorOf, field, heading, leave, pick, settle, summaryItems, textOf, typeInto, until } from '../helpers/dom.js';
import { FAKE_API, installFakeApi, type FakeApi } from '../helpers/fake-api.js';
import { clickNext, forgetDevice, identify, mount } from '../helpers/questionnaire.js';
import { RENNES, testDefinition } from '../helpers/test-definition.js';

describe('<barometre-questionnaire> — English', () => {
  let api: FakeApi;

  beforeEach(() => {
    forgetDevice();
    api = installFakeApi({ definitions: [testDefinition], collectivites: [RENNES] });
  });
  afterEach(() => api.uninstall());

  it('speaks English throughout with lang="en", and asks the API for English messages', async () => {
    const el = await mount({ definition: testDefinition, lang: 'en' });
    expect(heading(el)).to.equal('Your local authority');
    expect(textOf(el)).to.contain('Step 1 of 4');
    const siret = field(el, 'SIRET number');
    await typeInto(siret, '2135');
    await leave(siret);
    expect(errorOf(el, siret)).to.equal('A SIRET has 14 digits (4 entered).');
    await identify(el, { lang: 'en', role: 'An elected official' });
    expect(heading(el)).to.equal('Mediation places');
    expect(api.requests.at(-1)!.headers.get('Accept-Language')).to.equal('en');
    await clickNext(el, 'Next');
    expect(summaryItems(el)).to.deep.equal([
      'Do you have a digital mediation place?: Choose an answer.',
      'Who leads digital inclusion?: Choose an answer.',
    ]);
    await pick(choice(el, 'Do you have a digital mediation place?', 'I don’t know'));
    await pick(choice(el, 'Who leads', 'The municipality'));
    await clickNext(el, 'Next');
    await typeInto(field(el, 'How many digital advisers?'), '4');
    await clickNext(el, 'Check my answers');
    expect(heading(el)).to.equal('Check your answers');
    button(el, 'Send my answers').click();
    await until(() => heading(el).startsWith('Thank you'), 'confirmation');
    expect(heading(el)).to.equal('Thank you, your contribution is recorded');
    expect(textOf(el)).to.match(/Recorded on \d{1,2} \S+ \d{4} at \d{2}:\d{2}\./);
    expect(button(el, 'Copy the code')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('follows the language and API address of an enclosing <barometre-provider>', async () => {
    const wrapper = await fixture(html`<barometre-provider api=${FAKE_API} lang="en">
      <barometre-questionnaire .definition=${testDefinition}></barometre-questionnaire>
    </barometre-provider>`);
    const el = wrapper.querySelector<BarometreQuestionnaire>('barometre-questionnaire')!;
    await until(() => heading(el) !== '', 'first step');
    expect(heading(el)).to.equal('Your local authority');
    // Assistive technology reads the content in the language it is written in, whatever the page's.
    expect(el.shadowRoot!.querySelector('.questionnaire')!.getAttribute('lang')).to.equal('en');
    await typeInto(field(el, 'SIRET number'), RENNES.siret);
    await until(() => textOf(el).includes('Local authority found'), 'lookup through the provider’s API');
    await settle();
    expect(textOf(el)).to.contain('Municipality');
  });
});
