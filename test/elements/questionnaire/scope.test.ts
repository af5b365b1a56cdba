import { expect } from '@open-wc/testing';
import { choice, descriptions, errorOf, field, heading, pick, summaryItems, textOf, typeInto, until } from '../helpers/dom.js';
import { FAKE_API, installFakeApi, type FakeApi } from '../helpers/fake-api.js';
import { clickNext, forgetDevice, mount } from '../helpers/questionnaire.js';
import { testDefinition } from '../helpers/test-definition.js';

/** A SIVU as the API describes it: placed in its seat's département, no population. */
const SIVU = {
  siren: '253500011',
  siret: '25350001100015',
  name: 'SIVU du centre de secours',
  kind: 'syndicat',
  code: '253500011',
  territoryId: 'departement:35',
  departementCode: '35',
  departementName: 'Ille-et-Vilaine',
  regionCode: '53',
  regionName: 'Bretagne',
};

const CCAS_SIRET = '26350001900017';
const CCAS_MESSAGE =
  'Le SIRET 26350001900017 est celui d’un établissement public qui dépend d’une collectivité (CCAS, CIAS, caisse des écoles, office, hôpital…) : le Baromètre interroge les collectivités elles-mêmes, qui répondent pour leurs services.';
const UNPLACED_SIRET = '20000001600010';
const UNPLACED_MESSAGE =
  'Le SIRET 20000001600010 n’est pas celui d’une commune, d’une intercommunalité, d’un département ou d’une région. S’il s’agit d’un syndicat ou d’un autre groupement de collectivités, ce service ne peut pas encore le situer.';

/** The texts of the live regions but the status line. */
function liveRegions(el: HTMLElement): string {
  return [...el.shadowRoot!.querySelectorAll('[role="status"]:not([part~="status"]), [aria-live]')]
    .map((region) => region.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** Normalises the no-break spaces French typesetting puts in. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('<barometre-questionnaire> — who may answer', () => {
  let api: FakeApi;
  let fakeFetch: typeof window.fetch;

  beforeEach(() => {
    forgetDevice();
    api = installFakeApi({ definitions: [testDefinition], collectivites: [SIVU] });
    fakeFetch = window.fetch;
    // The server's refusals, as the reference API words them.
    window.fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const refusal = url.endsWith(`/collectivites/${CCAS_SIRET}`)
        ? { status: 422, body: { error: 'collectivite_out_of_scope', message: CCAS_MESSAGE, details: { reason: 'etablissement_public' } } }
        : url.endsWith(`/collectivites/${UNPLACED_SIRET}`)
          ? { status: 404, body: { error: 'groupements_unavailable', message: UNPLACED_MESSAGE } }
          : undefined;
      if (refusal === undefined || !url.startsWith(FAKE_API)) return fakeFetch(input, init);
      return new Response(JSON.stringify(refusal.body), { status: refusal.status, headers: { 'content-type': 'application/json' } });
    };
  });
  afterEach(() => {
    window.fetch = fakeFetch;
    api.uninstall();
  });

  it('shows a syndicat found like any collectivité, named by its kind', async () => {
    const el = await mount({ definition: testDefinition });
    await typeInto(field(el, 'Numéro SIRET'), SIVU.siret);
    await until(() => textOf(el).includes('Collectivité trouvée'), 'syndicat shown');
    expect(descriptions(el).map((line) => plain(line))).to.deep.equal([
      'Nom: SIVU du centre de secours',
      'Type: Syndicat ou groupement de collectivités',
      'Département: Ille-et-Vilaine',
    ]);
    await expect(el).to.be.accessible();
  });

  it('says in words why a CCAS may not answer, under the field and in the live region', async () => {
    const el = await mount({ definition: testDefinition });
    const siret = field(el, 'Numéro SIRET');
    await typeInto(siret, CCAS_SIRET);
    await until(() => errorOf(el, siret) !== '', 'refusal reported');
    expect(plain(errorOf(el, siret))).to.contain('établissement public qui dépend d’une collectivité');
    expect(plain(liveRegions(el))).to.contain('le Baromètre interroge les collectivités elles-mêmes');
    expect(textOf(el)).not.to.contain('Collectivité trouvée');
    await pick(choice(el, 'Vous répondez en tant que', 'Agent de la collectivité'));
    await clickNext(el);
    expect(heading(el)).to.equal('Votre collectivité');
    expect(plain(summaryItems(el).join(' '))).to.contain('CCAS, CIAS');
    await expect(el).to.be.accessible();
  });

  it('says that a grouping cannot be placed by this server, rather than unknown', async () => {
    const el = await mount({ definition: testDefinition });
    const siret = field(el, 'Numéro SIRET');
    await typeInto(siret, UNPLACED_SIRET);
    await until(() => errorOf(el, siret) !== '', 'refusal reported');
    expect(plain(errorOf(el, siret))).to.contain('ce service ne peut pas encore le situer');
    expect(plain(liveRegions(el))).to.contain('S’il s’agit d’un syndicat');
    expect(textOf(el)).not.to.contain('Aucune collectivité connue');
  });
});
