import { expect } from '@open-wc/testing';
import { button, choice, descriptions, errorOf, field, focused, heading, leave, links, pick, settle, summaryItems, textOf, typeInto, until } from '../helpers/dom.js';
import { installFakeApi, type FakeApi } from '../helpers/fake-api.js';
import { clickNext, forgetDevice, identify, mount } from '../helpers/questionnaire.js';
import { RENNES, testDefinition } from '../helpers/test-definition.js';

describe('<barometre-questionnaire> — identification', () => {
  let api: FakeApi;

  beforeEach(() => {
    forgetDevice();
    api = installFakeApi({ definitions: [testDefinition], collectivites: [RENNES] });
  });
  afterEach(() => api.uninstall());

  it('opens on the identification step with the progress of the whole questionnaire', async () => {
    const el = await mount({ definition: testDefinition });
    expect(heading(el)).to.equal('Votre collectivité');
    expect(textOf(el)).to.contain('Étape 1 sur 4');
    expect(textOf(el)).to.contain('Questions répondues : 0 sur 4');
    const bar = el.shadowRoot!.querySelector('progress')!;
    expect(bar.labels?.length).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('groups the SIRET as it is typed', async () => {
    const el = await mount({ definition: testDefinition });
    const siret = field(el, 'Numéro SIRET');
    await typeInto(siret, '21350238800019');
    expect(siret.value).to.equal('213 502 388 00019');
  });

  it('says nothing while the SIRET is being typed, then the precise problem once the field is left', async () => {
    const el = await mount({ definition: testDefinition });
    const siret = field(el, 'Numéro SIRET');
    await typeInto(siret, '2135023');
    expect(errorOf(el, siret)).to.equal('');
    expect(siret.getAttribute('aria-invalid')).to.equal(null);
    await leave(siret);
    expect(errorOf(el, siret)).to.equal('Le SIRET doit compter 14 chiffres (7 saisis).');
    expect(siret.getAttribute('aria-invalid')).to.equal('true');
    // Once shown, the message follows the typing, and goes when the SIRET is right.
    await typeInto(siret, '21350238800017', { replace: true });
    expect(errorOf(el, siret)).to.contain('clé de contrôle');
    await typeInto(siret, '21350238800019');
    await until(() => errorOf(el, siret) === '', 'error cleared');
  });

  it('does not flag a field the respondent only passed through', async () => {
    const el = await mount({ definition: testDefinition });
    const siret = field(el, 'Numéro SIRET');
    siret.focus();
    await leave(siret);
    expect(errorOf(el, siret)).to.equal('');
  });

  it('shows the collectivité found for a valid SIRET, for confirmation', async () => {
    const el = await mount({ definition: testDefinition });
    await typeInto(field(el, 'Numéro SIRET'), '21350238800019');
    await until(() => textOf(el).includes('Collectivité trouvée'), 'collectivité shown');
    expect(descriptions(el).map((line) => line.replace(/\s/g, ' '))).to.deep.equal([
      'Nom: Rennes',
      'Type: Commune',
      'Département: 35',
      'Population: 227 830 habitants',
    ]);
    await expect(el).to.be.accessible();
  });

  it('says when a well-formed SIRET belongs to no known collectivité', async () => {
    const el = await mount({ definition: testDefinition });
    const siret = field(el, 'Numéro SIRET');
    await typeInto(siret, '21440109300015');
    await until(() => errorOf(el, siret) !== '', 'unknown collectivité reported');
    expect(errorOf(el, siret)).to.contain('Aucune collectivité connue ne porte ce SIRET.');
    await pick(choice(el, 'Vous répondez en tant que', 'Agent de la collectivité'));
    await clickNext(el);
    expect(heading(el)).to.equal('Votre collectivité');
    expect(summaryItems(el)).to.deep.equal(['Numéro SIRET de votre collectivité : Aucune collectivité connue ne porte ce SIRET.']);
  });

  it('on "next" with nothing filled, lists every problem in a summary that takes focus and links to each field', async () => {
    const el = await mount({ definition: testDefinition });
    await clickNext(el);
    expect(summaryItems(el)).to.have.length(2);
    expect(summaryItems(el)[0]).to.match(/^Numéro SIRET de votre collectivité : Saisissez le SIRET/);
    expect(summaryItems(el)[1]).to.equal(
      'Vous répondez en tant que : Indiquez si vous répondez en tant qu’agent ou qu’élu.',
    );
    expect(focused(el)?.getAttribute('part')).to.equal('error-summary');
    links(el, 'Vous répondez')[0]!.click();
    await settle();
    expect(focused(el)).to.equal(choice(el, 'Vous répondez en tant que', 'Agent de la collectivité'));
    links(el, 'Numéro SIRET')[0]!.click();
    await settle();
    expect(focused(el)).to.equal(field(el, 'Numéro SIRET'));
    await expect(el).to.be.accessible();
  });

  it('goes on to the first section once identified, moving focus to its heading', async () => {
    const el = await mount({ definition: testDefinition });
    await identify(el);
    expect(heading(el)).to.equal('Lieux de médiation');
    expect(focused(el)?.getAttribute('part')).to.equal('step-heading');
    expect(textOf(el)).to.contain('Étape 2 sur 4');
  });

  it('warns about an existing contribution and explains what the edit code changes', async () => {
    api.setExisting(RENNES.siret, 'inclusion', { updatedAt: '2025-01-15T09:00:00.000Z' });
    const el = await mount({ definition: testDefinition });
    await typeInto(field(el, 'Numéro SIRET'), RENNES.siret);
    await until(() => textOf(el).includes('a déjà répondu'), 'existing contribution shown');
    // The API says whether, not when.
    expect(textOf(el)).to.contain('Votre collectivité a déjà répondu à ce questionnaire.');
    expect(textOf(el)).not.to.contain('dernière mise à jour');
    const code = field(el, 'Code de modification');
    expect(textOf(el)).to.contain('Sans ce code, votre réponse sera transmise pour examen');
    expect(textOf(el)).to.contain('ne remplacera pas la réponse existante');
    await typeInto(code, 'code-existant');
    expect(textOf(el)).to.contain('Avec ce code, votre réponse remplacera la réponse existante.');
    await expect(el).to.be.accessible();
  });

  it('dates the existing contribution when the server says when it was last updated', async () => {
    api.statusWithDate = true;
    api.setExisting(RENNES.siret, 'inclusion', { updatedAt: '2025-01-15T09:00:00.000Z' });
    const el = await mount({ definition: testDefinition });
    await typeInto(field(el, 'Numéro SIRET'), RENNES.siret);
    await until(() => textOf(el).includes('a déjà répondu'), 'existing contribution shown');
    expect(textOf(el)).to.match(/dernière mise à jour le 15 janvier 2025/);
  });

  it('lets the respondent go on when the SIRET cannot be checked for lack of network', async () => {
    api.mode = 'offline';
    const el = await mount({ definition: testDefinition });
    await identify(el);
    expect(heading(el)).to.equal('Lieux de médiation');
    await button(el, 'Précédent').click();
    await settle();
    expect(textOf(el)).to.contain('Impossible de vérifier ce SIRET pour le moment');
  });

  it('takes a SIRET given by the page, and looks it up at once', async () => {
    const el = await mount({ definition: testDefinition, siret: RENNES.siret });
    expect(field(el, 'Numéro SIRET').value).to.equal('213 502 388 00019');
    await until(() => descriptions(el).includes('Nom: Rennes'), 'collectivité shown');
  });

  it('finishes a lookup interrupted by moving the element in the page', async () => {
    const el = await mount({ definition: testDefinition });
    api.delayMs = 150;
    await typeInto(field(el, 'Numéro SIRET'), RENNES.siret);
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    elsewhere.append(el);
    await until(() => descriptions(el).includes('Nom: Rennes'), 'collectivité shown after the move');
    expect(field(el, 'Numéro SIRET').value).to.equal('213 502 388 00019');
    elsewhere.remove();
  });

  it('shows where another collectivité stands when the page changes the SIRET', async () => {
    const el = await mount({ definition: testDefinition, siret: RENNES.siret });
    await identify(el);
    el.siret = '21440109300015';
    await until(() => heading(el) === 'Votre collectivité', 'back to identification');
    expect(field(el, 'Numéro SIRET').value).to.equal('214 401 093 00015');
  });
});
