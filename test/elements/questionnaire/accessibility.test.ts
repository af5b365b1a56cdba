import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { choice, field, focused, heading, pick, settle, textOf, typeInto, until } from '../helpers/dom.js';
import { installFakeApi, type FakeApi } from '../helpers/fake-api.js';
import { clickNext, forgetDevice, identify, mount } from '../helpers/questionnaire.js';
import { RENNES, testDefinition } from '../helpers/test-definition.js';

describe('<barometre-questionnaire> — accessibility', () => {
  let api: FakeApi;

  beforeEach(() => {
    forgetDevice();
    api = installFakeApi({ definitions: [testDefinition], collectivites: [RENNES] });
  });
  afterEach(async () => {
    api.uninstall();
    await setViewport({ width: 800, height: 600 });
  });

  it('can be filled in and sent with the keyboard alone', async () => {
    const el = await mount({ definition: testDefinition });
    field(el, 'Numéro SIRET').focus();
    await sendKeys({ type: RENNES.siret });
    await until(() => textOf(el).includes('Collectivité trouvée'), 'collectivité found');
    // Tab to the role group, pick with the arrow keys, send the form with Enter.
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(choice(el, 'Vous répondez en tant que', 'Agent de la collectivité'));
    await sendKeys({ press: 'ArrowDown' });
    expect(choice(el, 'Vous répondez en tant que', 'Élu ou élue').checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.textContent?.trim()).to.equal('Suivant');
    await sendKeys({ press: 'Enter' });
    await settle(20);
    expect(heading(el)).to.equal('Lieux de médiation');
    expect(focused(el)?.getAttribute('part')).to.equal('step-heading');

    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(choice(el, 'Avez-vous un lieu', 'Oui'));
    await sendKeys({ press: 'Space' });
    await settle();
    expect(choice(el, 'Avez-vous un lieu', 'Oui').checked).to.equal(true);
    // The conditional question that just appeared is the next stop.
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(choice(el, 'Quels types de lieux ?', 'France services'));
    await sendKeys({ press: 'Space' });
    await settle();
    expect(choice(el, 'Quels types de lieux ?', 'France services').checked).to.equal(true);
  });

  it('finds no violation on a step with errors shown, on the review page, and on the confirmation', async () => {
    const el = await mount({ definition: testDefinition });
    await identify(el);
    await pick(choice(el, 'Avez-vous un lieu', 'Oui'));
    await pick(choice(el, 'Qui pilote', 'Une autre structure'));
    await clickNext(el);
    expect(textOf(el)).to.contain('Il y a 2 problèmes à corriger');
    await expect(el).to.be.accessible();

    await pick(choice(el, 'Quels types de lieux ?', 'Médiathèque'));
    await typeInto(field(el, 'Précisez votre réponse'), 'Un syndicat mixte');
    await clickNext(el);
    await typeInto(field(el, 'Combien de conseillers'), '1');
    await clickNext(el, 'Vérifier mes réponses');
    expect(heading(el)).to.equal('Vérifiez vos réponses');
    await expect(el).to.be.accessible();

    (el.shadowRoot!.querySelector('button[type=submit]') as HTMLButtonElement).click();
    await until(() => heading(el).startsWith('Merci'), 'confirmation');
    await expect(el).to.be.accessible();
  });

  it('reflows at 320 px wide without horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await mount({ definition: testDefinition });
    await identify(el);
    await pick(choice(el, 'Qui pilote', 'Une autre structure'));
    await settle();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    for (const control of el.shadowRoot!.querySelectorAll('input, button, progress')) {
      expect(control.getBoundingClientRect().right, control.outerHTML.slice(0, 60)).to.be.at.most(320);
    }
  });

  it('makes buttons and inputs at least 44 px high, and honours reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await mount({ definition: testDefinition });
    const controls = [...el.shadowRoot!.querySelectorAll<HTMLElement>('button:not(.link), input[type=text]')];
    for (const control of controls.filter((candidate) => !candidate.closest('dialog'))) {
      expect(control.getBoundingClientRect().height).to.be.at.least(44);
    }
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('groups the SIRET under real typing, and Backspace after a grouping space deletes the digit before it', async () => {
    const el = await mount({ definition: testDefinition });
    const siret = field(el, 'Numéro SIRET');
    siret.focus();
    await sendKeys({ type: '2135023' });
    expect(siret.value).to.equal('213 502 3');
    expect(siret.selectionStart).to.equal(siret.value.length);
    siret.setSelectionRange(4, 4);
    await sendKeys({ press: 'Backspace' });
    expect(siret.value).to.equal('215 023');
    expect(siret.selectionStart).to.equal(2);
    await sendKeys({ type: '3' });
    expect(siret.value).to.equal('213 502 3');
  });
});
