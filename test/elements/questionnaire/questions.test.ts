import { expect } from '@open-wc/testing';
import {
  button,
  choice,
  errorOf,
  field,
  focused,
  group,
  hasField,
  heading,
  leave,
  links,
  pick,
  settle,
  summaryItems,
  textOf,
  typeInto,
  visibleText,
} from '../helpers/dom.js';
import { installFakeApi, type FakeApi } from '../helpers/fake-api.js';
import { clickNext, forgetDevice, identify, mount } from '../helpers/questionnaire.js';
import { RENNES, testDefinition } from '../helpers/test-definition.js';

describe('<barometre-questionnaire> — questions', () => {
  let api: FakeApi;

  beforeEach(() => {
    forgetDevice();
    api = installFakeApi({ definitions: [testDefinition], collectivites: [RENNES] });
  });
  afterEach(() => api.uninstall());

  async function onFirstSection() {
    const el = await mount({ definition: testDefinition });
    await identify(el);
    return el;
  }

  async function onSecondSection() {
    const el = await onFirstSection();
    await pick(choice(el, 'Avez-vous un lieu', 'Non'));
    await pick(choice(el, 'Qui pilote', 'La commune'));
    await clickNext(el);
    expect(heading(el)).to.equal('Moyens');
    return el;
  }

  it('asks a yes/no question with native radios in a fieldset, its help tied to the group', async () => {
    const el = await onFirstSection();
    const fieldset = group(el, 'Avez-vous un lieu de médiation numérique ?');
    const radios = [...fieldset.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((radio) => visibleText(radio.labels![0]!))).to.deep.equal(['Oui', 'Non', 'Je ne sais pas']);
    const help = el.shadowRoot!.getElementById(fieldset.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(help?.textContent).to.contain('Un lieu où les habitants sont aidés');
    await expect(el).to.be.accessible();
  });

  it('shows a conditional question in place, right after the question it depends on', async () => {
    const el = await onFirstSection();
    expect(hasField(el, 'Quels types de lieux ?')).to.equal(false);
    await pick(choice(el, 'Avez-vous un lieu', 'Oui'));
    const legends = [...el.shadowRoot!.querySelectorAll('legend')].map(visibleText);
    expect(legends).to.deep.equal(['Avez-vous un lieu de médiation numérique ?', 'Quels types de lieux ?', 'Qui pilote l’inclusion numérique ?']);
    expect(textOf(el)).to.contain('Questions répondues : 1 sur 5');
    await pick(choice(el, 'Avez-vous un lieu', 'Non'));
    expect(hasField(el, 'Quels types de lieux ?')).to.equal(false);
  });

  it('asks a multiple choice with checkboxes, an exclusive option replacing the others rather than being combined with them', async () => {
    const el = await onFirstSection();
    await pick(choice(el, 'Avez-vous un lieu', 'Oui'));
    const boxes = [...group(el, 'Quels types de lieux ?').querySelectorAll('input')];
    expect(boxes.every((box) => box.type === 'checkbox')).to.equal(true);
    await pick(choice(el, 'Quels types de lieux ?', 'Médiathèque'));
    await pick(choice(el, 'Quels types de lieux ?', 'Aucun lieu labellisé'));
    const fieldset = group(el, 'Quels types de lieux ?');
    expect(choice(el, 'Quels types de lieux ?', 'Médiathèque').checked).to.equal(false);
    expect(choice(el, 'Quels types de lieux ?', 'Aucun lieu labellisé').checked).to.equal(true);
    expect(errorOf(el, fieldset)).to.equal('');
  });

  it('asks to specify "other" in a text field that appears under that option', async () => {
    const el = await onFirstSection();
    await pick(choice(el, 'Qui pilote', 'Une autre structure'));
    const other = field(el, 'Précisez votre réponse « Une autre structure »');
    const option = choice(el, 'Qui pilote', 'Une autre structure');
    expect(option.closest('.option')!.nextElementSibling!.contains(other)).to.equal(true);
    await typeInto(other, 'Le CCAS');
    await pick(choice(el, 'Avez-vous un lieu', 'Non'));
    await clickNext(el);
    expect(heading(el)).to.equal('Moyens');
  });

  it('requires the "other" text once "next" is pressed, without flagging it while it is empty and untouched', async () => {
    const el = await onFirstSection();
    await pick(choice(el, 'Avez-vous un lieu', 'Non'));
    await pick(choice(el, 'Qui pilote', 'Une autre structure'));
    const other = field(el, 'Précisez votre réponse');
    expect(errorOf(el, other)).to.equal('');
    await clickNext(el);
    expect(errorOf(el, other)).to.equal('Précisez votre réponse « Une autre structure ».');
    expect(summaryItems(el)).to.deep.equal(['Qui pilote l’inclusion numérique ? : Précisez votre réponse « Une autre structure ».']);
    links(el, 'Qui pilote')[0]!.click();
    await settle();
    expect(focused(el)).to.equal(other);
  });

  it('asks a number with a numeric keyboard, its unit, and its bounds checked after the field is left', async () => {
    const el = await onSecondSection();
    const number = field(el, 'Combien de conseillers numériques ?');
    // Typed as text and read in French (see the respondent's path tests): a native number input drops the comma of "2,5".
    expect(number.type).to.equal('text');
    expect(number.inputMode).to.equal('numeric');
    expect(number.getAttribute('aria-describedby')).to.contain(el.shadowRoot!.querySelector('.unit')!.id);
    expect(visibleText(el.shadowRoot!.querySelector('.unit')!)).to.equal('conseillers');
    await typeInto(number, '75');
    expect(errorOf(el, number)).to.equal('');
    await leave(number);
    expect(errorOf(el, number)).to.equal('Indiquez une valeur entre 0 et 50.');
    expect(number.getAttribute('aria-invalid')).to.equal('true');
    await typeInto(number, '7');
    expect(errorOf(el, number)).to.equal('');
  });

  it('asks an optional text with a character count tied to the field', async () => {
    const el = await onSecondSection();
    const comment = field<HTMLTextAreaElement>(el, 'Un commentaire ?');
    expect(comment.tagName).to.equal('TEXTAREA');
    expect(visibleText(comment.labels![0]!)).to.equal('Un commentaire ? (facultatif)');
    await typeInto(comment, 'Tout va bien');
    const count = el.shadowRoot!.getElementById(comment.getAttribute('aria-describedby')!.split(' ')[0]!)!;
    expect(visibleText(count)).to.equal('12 caractères sur 300');
    await typeInto(comment, 'x'.repeat(305));
    expect(visibleText(count)).to.equal('5 caractères en trop');
    await leave(comment);
    expect(errorOf(el, comment)).to.equal('Raccourcissez votre réponse à 300 caractères au plus (elle en compte 305).');
  });

  it('on "next", shows every problem of the step in a focused summary whose links move focus to each field', async () => {
    const el = await onSecondSection();
    await clickNext(el, 'Vérifier mes réponses');
    expect(heading(el)).to.equal('Moyens');
    expect(summaryItems(el)).to.deep.equal(['Combien de conseillers numériques ? : Indiquez un nombre.']);
    expect(focused(el)?.getAttribute('part')).to.equal('error-summary');
    links(el, 'Combien de conseillers')[0]!.click();
    await settle();
    expect(focused(el)).to.equal(field(el, 'Combien de conseillers numériques ?'));
    await expect(el).to.be.accessible();
  });

  it('tells apart text that is not a number from an empty field', async () => {
    const el = await onSecondSection();
    const number = field(el, 'Combien de conseillers numériques ?');
    number.focus();
    // What a browser does with "1e": the value reads as empty, and the input as bad.
    document.execCommand('insertText', false, '1e');
    await settle();
    await leave(number);
    expect(errorOf(el, number)).to.equal('Indiquez un nombre en chiffres, par exemple 12.');
  });

  it('goes back without checking, keeping the answers', async () => {
    const el = await onSecondSection();
    button(el, 'Précédent').click();
    await settle();
    expect(heading(el)).to.equal('Lieux de médiation');
    expect(choice(el, 'Qui pilote', 'La commune').checked).to.equal(true);
    expect(focused(el)?.getAttribute('part')).to.equal('step-heading');
  });
});
