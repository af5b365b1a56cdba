import { expect, oneEvent } from '@open-wc/testing';
import type { BarometreDraftSavedDetail } from '../../../src/elements/questionnaire/define.js';
import { button, choice, field, heading, pick, settle, status, textOf, typeInto } from '../helpers/dom.js';
import { installFakeApi, type FakeApi } from '../helpers/fake-api.js';
import { clickNext, forgetDevice, identify, mount } from '../helpers/questionnaire.js';
import { RENNES, testDefinition } from '../helpers/test-definition.js';

describe('<barometre-questionnaire> — drafts', () => {
  let api: FakeApi;

  beforeEach(() => {
    forgetDevice();
    api = installFakeApi({ definitions: [testDefinition], collectivites: [RENNES] });
  });
  afterEach(() => api.uninstall());

  it('saves every change at once, says so with the time, and tells the page', async () => {
    const el = await mount({ definition: testDefinition });
    await identify(el);
    const saved = oneEvent(el, 'barometre-draft-saved');
    choice(el, 'Avez-vous un lieu', 'Oui').click();
    const { detail } = (await saved) as CustomEvent<BarometreDraftSavedDetail>;
    expect(detail.theme).to.equal('inclusion');
    expect(detail.siret).to.equal(RENNES.siret);
    expect(Date.parse(detail.savedAt)).to.be.closeTo(Date.now(), 5000);
    await settle();
    expect(status(el)).to.match(/^Brouillon enregistré à \d{2}:\d{2}$/);
    const live = el.shadowRoot!.querySelector('[part~="status"]')!;
    expect(live.getAttribute('role')).to.equal('status');
  });

  it('restores everything after the element is removed and mounted again (reload, crash, closed tab)', async () => {
    const first = await mount({ definition: testDefinition });
    await identify(first);
    await pick(choice(first, 'Avez-vous un lieu', 'Oui'));
    await pick(choice(first, 'Quels types de lieux ?', 'Autre lieu'));
    await typeInto(field(first, 'Précisez votre réponse'), 'Bus numérique');
    first.remove();

    const again = await mount({ definition: testDefinition });
    expect(heading(again)).to.equal('Lieux de médiation');
    expect(choice(again, 'Avez-vous un lieu', 'Oui').checked).to.equal(true);
    expect(choice(again, 'Quels types de lieux ?', 'Autre lieu').checked).to.equal(true);
    expect(field(again, 'Précisez votre réponse').value).to.equal('Bus numérique');
    expect(status(again)).to.match(/^Brouillon du \d{1,2} \S+ \d{4} à \d{2}:\d{2} restauré$/);
    button(again, 'Précédent').click();
    await settle();
    expect(field(again, 'Numéro SIRET').value).to.equal('213 502 388 00019');
    expect(choice(again, 'Vous répondez en tant que', 'Agent de la collectivité').checked).to.equal(true);
  });

  it('keeps what was typed before the SIRET was complete', async () => {
    const first = await mount({ definition: testDefinition });
    await typeInto(field(first, 'Numéro SIRET'), '213502');
    first.remove();
    const again = await mount({ definition: testDefinition });
    expect(heading(again)).to.equal('Votre collectivité');
    expect(field(again, 'Numéro SIRET').value).to.equal('213 502');
  });

  it('keys drafts by SIRET when the page gives it', async () => {
    const first = await mount({ definition: testDefinition, siret: RENNES.siret });
    await identify(first);
    await pick(choice(first, 'Avez-vous un lieu', 'Non'));
    first.remove();

    const other = await mount({ definition: testDefinition, siret: '21440109300015' });
    expect(heading(other)).to.equal('Votre collectivité');
    other.remove();

    const same = await mount({ definition: testDefinition, siret: RENNES.siret });
    expect(heading(same)).to.equal('Lieux de médiation');
    expect(choice(same, 'Avez-vous un lieu', 'Non').checked).to.equal(true);
  });

  it('takes up the draft of a SIRET when the respondent types that SIRET on another page', async () => {
    const portal = await mount({ definition: testDefinition, siret: RENNES.siret });
    await identify(portal);
    await pick(choice(portal, 'Avez-vous un lieu', 'Non'));
    portal.remove();

    const page = await mount({ definition: testDefinition });
    await typeInto(field(page, 'Numéro SIRET'), RENNES.siret);
    expect(status(page)).to.match(/^Brouillon du .+ restauré$/);
    await identify(page);
    expect(choice(page, 'Avez-vous un lieu', 'Non').checked).to.equal(true);
  });

  it('does not restore a draft made for another version of the questionnaire', async () => {
    const first = await mount({ definition: testDefinition });
    await identify(first);
    first.remove();
    const again = await mount({ definition: { ...testDefinition, version: '1.0.0' } });
    expect(heading(again)).to.equal('Votre collectivité');
    expect(field(again, 'Numéro SIRET').value).to.equal('');
  });

  it('ignores a corrupted draft instead of failing', async () => {
    localStorage.setItem('barometre:draft:inclusion:0.9.0:-', '{"format":1,"savedAt":');
    const el = await mount({ definition: testDefinition });
    expect(heading(el)).to.equal('Votre collectivité');
  });

  it('starts again only after confirmation, and then forgets the draft', async () => {
    const el = await mount({ definition: testDefinition });
    await identify(el);
    await pick(choice(el, 'Avez-vous un lieu', 'Oui'));
    const dialog = el.shadowRoot!.querySelector('dialog')!;

    button(el, 'Recommencer').click();
    await settle();
    expect(dialog.open).to.equal(true);
    expect(textOf(el)).to.contain('Effacer toutes vos réponses et recommencer ?');
    await expect(el).to.be.accessible();
    button(el, 'Annuler').click();
    await settle();
    expect(dialog.open).to.equal(false);
    expect(choice(el, 'Avez-vous un lieu', 'Oui').checked).to.equal(true);

    button(el, 'Recommencer').click();
    button(el, 'Oui, tout effacer').click();
    await settle();
    expect(heading(el)).to.equal('Votre collectivité');
    expect(field(el, 'Numéro SIRET').value).to.equal('');
    expect(status(el)).to.equal('Réponses effacées : vous pouvez recommencer.');
    el.remove();
    const again = await mount({ definition: testDefinition });
    expect(heading(again)).to.equal('Votre collectivité');
    expect(field(again, 'Numéro SIRET').value).to.equal('');
    await clickNext(again);
  });
});
