import { expect } from '@open-wc/testing';
import { donneesDefinition } from '../../../src/questionnaires/donnees.js';
import type { QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';
import { choice, hasField, heading, pick } from '../helpers/dom.js';
import { installFakeApi, type FakeApi } from '../helpers/fake-api.js';
import { clickNext, forgetDevice, identify, mount } from '../helpers/questionnaire.js';
import { RENNES } from '../helpers/test-definition.js';

const donnees = donneesDefinition as QuestionnaireDefinition;
type Questionnaire = Awaited<ReturnType<typeof mount>>;

/** The council of Ille-et-Vilaine, as `GET /collectivites/:siret` describes it. */
const ILLE_ET_VILAINE = {
  siren: '223500018',
  siret: '22350001800013',
  name: 'Département d’Ille-et-Vilaine',
  kind: 'departement',
  code: '35',
  territoryId: 'departement:35',
  departementCode: '35',
  regionCode: '53',
  population: 1_109_000,
  populationBand: '100000+',
};

// Prefixes: French typography may put a non-breaking space before the question mark.
const BAL = 'Votre collectivité, ou son intercommunalité, tient-elle une Base adresse locale';

/** Answers the first section of the data questionnaire and moves on to the open-data one. */
async function toOpenData(el: Questionnaire): Promise<void> {
  await pick(choice(el, 'Quelle est votre fonction', 'Directeur(rice) général(e) des services'));
  await pick(choice(el, 'Avez-vous fait l’inventaire des données', 'Non'));
  await pick(choice(el, 'Une personne est-elle chargée des données', 'Non'));
  await pick(choice(el, 'Qui est votre délégué à la protection des données', 'Je ne sais pas'));
  await pick(choice(el, 'Tenez-vous un registre des traitements', 'Oui'));
  await clickNext(el);
}

describe('<barometre-questionnaire> — questions asked according to the collectivité', () => {
  let api: FakeApi;

  beforeEach(() => {
    forgetDevice();
    api = installFakeApi({ definitions: [donnees], collectivites: [{ ...RENNES, populationBand: '100000+' }, ILLE_ET_VILAINE] });
  });
  afterEach(() => api.uninstall());

  it('a département is not asked about the Base adresse locale, but about the open-data duty', async () => {
    const departement = await mount({ theme: 'donnees' });
    await identify(departement, { siret: ILLE_ET_VILAINE.siret });
    await toOpenData(departement);
    expect(heading(departement)).to.equal('Ouverture des données');
    expect(hasField(departement, 'Publiez-vous des données en open data')).to.equal(true);
    expect(hasField(departement, BAL)).to.equal(false);
    // The duty to publish by default binds it: 3,500 inhabitants or more.
    expect(hasField(departement, 'La loi impose aux collectivités de 3 500 habitants ou plus')).to.equal(true);
    await expect(departement).to.be.accessible();
  });

  it('a commune is asked about the Base adresse locale', async () => {
    const commune = await mount({ theme: 'donnees' });
    await identify(commune);
    await toOpenData(commune);
    expect(hasField(commune, BAL)).to.equal(true);
  });
});
