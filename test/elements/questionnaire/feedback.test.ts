import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { BarometreQuestionnaire } from '../../../src/elements/questionnaire/barometre-questionnaire.js';
import type { QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';
import { button, choice, field, heading, pick, textOf, typeInto, until, visibleText } from '../helpers/dom.js';
import { installFakeApi, type FakeApi } from '../helpers/fake-api.js';
import { clickNext, forgetDevice, identify, mount } from '../helpers/questionnaire.js';
import { RENNES, testDefinition } from '../helpers/test-definition.js';

// The test questionnaire with three key questions: a yes/no, a conditional multiple choice and a single choice.
const HEADLINES = new Set(['lieu', 'types_lieu', 'pilotage']);
const definition: QuestionnaireDefinition = {
  ...testDefinition,
  sections: testDefinition.sections.map((section) => ({
    ...section,
    questions: section.questions.map((question) => (HEADLINES.has(question.id) ? { ...question, headline: true } : question)),
  })),
};

/** Rennes as the API describes it, with its population band and its département's name. */
const COLLECTIVITE = { ...RENNES, populationBand: '100000+', departementName: 'Ille-et-Vilaine', regionName: 'Bretagne' };

type Cell = number | null;

/** A question's figures from counts; `null` is a cell hidden by statistical secrecy. */
function question(n: number, counts: Record<string, Cell>) {
  const answers = Object.fromEntries(
    Object.entries(counts).map(([code, count]) => [
      code,
      count === null
        ? { status: 'masque', count: null, share: null, shareOfAll: null }
        : { status: 'publie', count, share: count / n, shareOfAll: count / n },
    ]),
  );
  return { status: 'publie', n, answers };
}

/** A question not published whole: too few answered it. */
function insufficientQuestion() {
  return { status: 'insuffisant', n: null };
}

/** The publication the figures come from: 6 December 2026 at 14 h in Paris. */
const PUBLICATION = { id: '2026-12-06T13-00-00Z', publishedAt: '2026-12-06T13:00:00Z' };

/** The schedule `GET /publications` announces: the next publication is far enough ahead to stay ahead. */
const SCHEDULE = {
  publications: [
    { id: PUBLICATION.id, publishedAt: PUBLICATION.publishedAt, contributions: 512 },
    { id: '2026-11-06T13-00-00Z', publishedAt: '2026-11-06T13:00:00Z', contributions: 480 },
  ],
  next: '2099-12-06T14:00:00Z',
};

function response(series: unknown[]) {
  return {
    theme: 'inclusion',
    publication: PUBLICATION,
    ponderation: 'brute',
    minCell: 5,
    source: { fr: 'Baromètre numérique des collectivités, vague 1', en: 'Baromètre numérique des collectivités, wave 1' },
    series,
  };
}

const PEERS = {
  role: 'territoire',
  territory: { id: 'france', name: 'France', kind: 'france' },
  status: 'publie',
  n: 40,
  questions: {
    lieu: question(40, { oui: 30, non: 8, nsp: null }),
    types_lieu: question(30, { france_services: 12, mediatheque: 21, autre: 6, aucun_label: null }),
    pilotage: question(40, { commune: 20, intercommunalite: 16, autre: null }),
  },
};

const AREA = {
  role: 'territoire',
  territory: { id: 'departement:35', name: 'Ille-et-Vilaine', kind: 'departement' },
  status: 'publie',
  n: 12,
  questions: {
    lieu: question(12, { oui: 6, non: 6, nsp: 0 }),
    types_lieu: insufficientQuestion(),
    pilotage: question(12, { commune: 6, intercommunalite: 6, autre: 0 }),
  },
};

const FRANCE = {
  role: 'france',
  territory: { id: 'france', name: 'France', kind: 'france' },
  status: 'publie',
  n: 500,
  questions: {
    lieu: question(500, { oui: 300, non: 150, nsp: 50 }),
    types_lieu: question(300, { france_services: 150, mediatheque: 120, autre: 60, aucun_label: 30 }),
    pilotage: question(500, { commune: 250, intercommunalite: 200, autre: 50 }),
  },
};

/** Answers like the published API: France narrowed to communes of 100 000+ is the peer group. */
function publishedResults(theme: string, query: URLSearchParams) {
  if (theme !== 'inclusion') return { status: 404, body: { error: 'theme_not_found', message: 'Thème inconnu.' } };
  if (query.get('territoire') === 'france' && query.get('type') === 'commune' && query.get('bande') === '100000+') {
    return { status: 200, body: response([PEERS]) };
  }
  if (query.get('territoire') === 'departement:35' && query.get('comparer') === 'france') {
    return { status: 200, body: response([AREA, FRANCE]) };
  }
  return { status: 400, body: { error: 'invalid_query', message: 'Requête inattendue.' } };
}

/** Answers the three key questions (and the rest) and arrives on the review page. */
async function answerAll(el: BarometreQuestionnaire) {
  await identify(el);
  await pick(choice(el, 'Avez-vous un lieu', 'Oui'));
  await pick(choice(el, 'Quels types de lieux ?', 'Médiathèque'));
  await pick(choice(el, 'Quels types de lieux ?', 'Autre lieu'));
  await typeInto(field(el, 'Précisez votre réponse « Autre lieu »'), 'Tiers-lieu');
  await pick(choice(el, 'Qui pilote', 'La commune'));
  await clickNext(el);
  await typeInto(field(el, 'Combien de conseillers'), '3');
  await clickNext(el, 'Vérifier mes réponses');
}

const tables = (el: BarometreQuestionnaire) => [...el.shadowRoot!.querySelectorAll<HTMLTableElement>('[part~="feedback-table"]')];

/** A table as a reader finds it: its caption, its column names, and each row's cells. */
function read(table: HTMLTableElement) {
  return {
    caption: visibleText(table.caption!),
    columns: [...table.tHead!.rows[0]!.cells].map(visibleText),
    rows: [...table.tBodies[0]!.rows].map((row) => [...row.cells].map(visibleText)),
  };
}

function feedbackStatus(el: BarometreQuestionnaire): string {
  const region = el.shadowRoot!.querySelector('[part~="feedback-status"]');
  return region ? visibleText(region) : '';
}
const editCode = (el: BarometreQuestionnaire) => el.shadowRoot!.querySelector('[part~="edit-code"]')?.textContent ?? '';
/** The confirmation's sentence on when the answers appear in the published results. */
function nextPublication(el: BarometreQuestionnaire): string {
  const paragraph = el.shadowRoot!.querySelector('[part~="next-publication"]');
  return paragraph ? visibleText(paragraph) : '';
}

async function sendAndWaitForFigures(el: BarometreQuestionnaire) {
  button(el, 'Envoyer mes réponses').click();
  await until(() => heading(el).startsWith('Merci'), 'confirmation');
  await until(() => tables(el).length === 3, 'comparison tables');
}

describe('<barometre-questionnaire> — feedback on the confirmation', () => {
  let api: FakeApi;

  beforeEach(() => {
    forgetDevice();
    api = installFakeApi({ definitions: [definition], collectivites: [COLLECTIVITE] });
    api.results = publishedResults;
  });
  afterEach(async () => {
    api.uninstall();
    await setViewport({ width: 800, height: 600 });
  });

  it('shows each key answer beside the shares of similar collectivités, of the département and of France', async () => {
    const el = await mount({ definition });
    await answerAll(el);
    await sendAndWaitForFigures(el);

    const [lieu, types, pilotage] = tables(el).map(read);
    const columns = ['Réponse', 'Votre réponse', 'Collectivités semblables', 'Ille-et-Vilaine', 'France'];
    expect(lieu).to.deep.equal({
      caption: 'Avez-vous un lieu de médiation numérique ?',
      columns,
      rows: [
        ['Oui', '✓ votre réponse', '75 %', '50 %', '60 %'],
        ['Non', '', '20 %', '50 %', '30 %'],
        ['Je ne sais pas', '', 'masqué (secret statistique)', '0 %', '10 %'],
      ],
    });
    expect(types!.caption).to.equal('Quels types de lieux ?');
    expect(types!.rows).to.deep.equal([
      ['France services', '', '40 %', 'moins de 5 réponses', '50 %'],
      ['Médiathèque', '✓ votre réponse', '70 %', 'moins de 5 réponses', '40 %'],
      ['Autre lieu', '✓ votre réponse', '20 %', 'moins de 5 réponses', '20 %'],
      ['Aucun lieu labellisé', '', 'masqué (secret statistique)', 'moins de 5 réponses', '10 %'],
    ]);
    expect(pilotage!.rows[0]).to.deep.equal(['La commune', '✓ votre réponse', '50 %', '50 %', '50 %']);

    // Who the similar collectivités are, why a cell is hidden, and where the figures come from.
    const text = textOf(el);
    expect(text).to.contain('« Collectivités semblables » : les communes de 100 000 habitants et plus, dans toute la France.');
    expect(text).to.contain('« Moins de 5 réponses » : trop peu de collectivités sont derrière ce chiffre');
    expect(text).to.contain('« Masqué (secret statistique) » : ce chiffre est caché');
    expect(text).to.not.contain('insuffisantes');
    // Which publication the figures are, and that the answers just sent are not in it yet.
    expect(text).to.contain(
      'Ces chiffres sont ceux de la publication du 6 décembre 2026 à 14 h : ils ne comprennent pas encore les réponses que vous venez d’envoyer.',
    );
    expect(text).to.contain('Source : Baromètre numérique des collectivités, vague 1.');
    // Only aggregates were asked for: the peer group by kind and band, the département with France.
    const queries = api.resultsQueries().map((query) => Object.fromEntries(query));
    expect(queries).to.have.deep.members([
      { territoire: 'france', type: 'commune', bande: '100000+', ponderation: 'brute' },
      { territoire: 'departement:35', comparer: 'france', ponderation: 'brute' },
    ]);
    expect(editCode(el)).to.match(/^CODE-/);
    expect(feedbackStatus(el)).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('says a failure in words and keeps the confirmation and its edit code, then loads on retry', async () => {
    api.results = () => ({ status: 503, body: { error: 'internal_error', message: 'Service indisponible.' } });
    const el = await mount({ definition });
    await answerAll(el);
    button(el, 'Envoyer mes réponses').click();
    await until(() => feedbackStatus(el).startsWith('Les chiffres de comparaison n’ont pas pu être chargés'), 'error shown');
    expect(feedbackStatus(el)).to.equal('Les chiffres de comparaison n’ont pas pu être chargés. Service indisponible.');
    expect(heading(el)).to.equal('Merci, votre contribution est enregistrée');
    expect(editCode(el)).to.equal(api.contributions.get(`${RENNES.siret}/inclusion`)!.editToken);
    expect(tables(el)).to.have.length(0);
    await expect(el).to.be.accessible();

    api.results = publishedResults;
    button(el, 'Réessayer le chargement des chiffres').click();
    await until(() => tables(el).length === 3, 'tables after retry');
    expect(editCode(el)).to.match(/^CODE-/);
  });

  it('says the figures are loading while they are on their way', async () => {
    const el = await mount({ definition });
    await answerAll(el);
    api.delayMs = 300;
    button(el, 'Envoyer mes réponses').click();
    await until(() => heading(el).startsWith('Merci'), 'confirmation');
    await until(() => feedbackStatus(el) === 'Chargement des chiffres de comparaison…', 'loading said');
    expect(editCode(el)).to.match(/^CODE-/);
    await until(() => tables(el).length === 3, 'tables');
  });

  it('speaks English', async () => {
    const el = await mount({ definition, lang: 'en' });
    await identify(el, { lang: 'en', role: 'A member of staff' });
    await pick(choice(el, 'Do you have a digital mediation place?', 'No'));
    await pick(choice(el, 'Who leads', 'The inter-municipal body'));
    await clickNext(el, 'Next');
    await typeInto(field(el, 'How many digital advisers?'), '1');
    await clickNext(el, 'Check my answers');
    button(el, 'Send my answers').click();
    await until(() => tables(el).length === 3, 'comparison tables');

    const [lieu, types, pilotage] = tables(el).map(read);
    expect(lieu!.columns).to.deep.equal(['Answer', 'Your answer', 'Similar local authorities', 'Ille-et-Vilaine', 'France']);
    expect(lieu!.rows).to.deep.equal([
      ['Yes', '', '75%', '50%', '60%'],
      ['No', '✓ your answer', '20%', '50%', '30%'],
      ['I don’t know', '', 'hidden (statistical secrecy)', '0%', '10%'],
    ]);
    // The conditional question was not asked of this respondent: said, not left blank.
    expect(types!.caption).to.equal('What kinds of places?');
    expect(textOf(el)).to.contain('You did not answer this question: it was not asked of you, or it was optional.');
    expect(pilotage!.rows[1]).to.deep.equal(['The inter-municipal body', '✓ your answer', '40%', '50%', '40%']);
    expect(textOf(el)).to.contain('“Similar local authorities”: municipalities of 100,000 inhabitants or more, across France.');
    expect(textOf(el)).to.contain(
      'These figures are those of the publication of 6 December 2026, 2 pm (Paris time): they do not include the answers you have just sent yet.',
    );
    expect(textOf(el)).to.contain('“Fewer than 5 responses”');
    expect(nextPublication(el)).to.equal('Your answers will be included at the next publication of the results, or a later one if too few other local authorities of your area answered in the meantime.');
    expect(api.resultsQueries().every((query) => query.get('territoire') !== null)).to.equal(true);
    expect(api.requests.filter((r) => r.path.startsWith('/resultats/')).every((r) => r.headers.get('Accept-Language') === 'en')).to.equal(
      true,
    );
    await expect(el).to.be.accessible();
  });

  it('shows the comparison on a contribution delivered later from the outbox, with the answers kept on the device', async () => {
    const first = await mount({ definition });
    await answerAll(first);
    api.mode = 'offline';
    button(first, 'Envoyer mes réponses').click();
    await until(() => heading(first) === 'Votre contribution attend le réseau', 'waiting');
    expect(tables(first)).to.have.length(0);
    first.remove();

    api.mode = 'online';
    const later = await mount({ definition });
    await until(() => heading(later).startsWith('Merci'), 'confirmation after reload');
    await until(() => tables(later).length === 3, 'comparison tables');
    expect(read(tables(later)[0]!).rows[0]).to.deep.equal(['Oui', '✓ votre réponse', '75 %', '50 %', '60 %']);

    // Starting a new answer forgets the kept answers with the confirmation.
    button(later, 'Répondre à nouveau').click();
    await until(() => heading(later) === 'Votre collectivité', 'new answer');
    expect(Object.keys(localStorage).filter((key) => key.startsWith('barometre:feedback:'))).to.deep.equal([]);
  });

  it('shows nothing and asks for no figures when the contribution was set aside for review', async () => {
    api.setExisting(RENNES.siret, 'inclusion', { editToken: 'code-existant' });
    const el = await mount({ definition });
    await answerAll(el);
    button(el, 'Envoyer mes réponses').click();
    await until(() => heading(el) === 'Votre réponse est transmise pour examen', 'set aside');
    expect(el.shadowRoot!.querySelector('[part~="feedback"]')).to.equal(null);
    expect(api.resultsQueries()).to.have.length(0);
    // Set aside, it is in no publication yet: nothing is promised, and the schedule is not asked.
    expect(nextPublication(el)).to.equal('');
    expect(api.publicationsRequests()).to.have.length(0);
  });

  it('says from which publication the answers will be in the results, with one request for the schedule', async () => {
    api.publications = () => ({ status: 200, body: SCHEDULE });
    const el = await mount({ definition });
    await answerAll(el);
    await sendAndWaitForFigures(el);
    await until(() => nextPublication(el).includes('2099'), 'next publication said');
    expect(nextPublication(el)).to.equal('Vos réponses seront prises en compte dans les résultats publiés à partir du 6 décembre 2099 à 15 h, ou dans une publication suivante si trop peu d’autres collectivités de votre territoire ont répondu entre-temps.');
    expect(api.publicationsRequests()).to.have.length(1);
    // The sentence is part of the confirmation, before the edit code and the comparison.
    const order = [...el.shadowRoot!.querySelectorAll('[part~="next-publication"], [part~="edit-code"], [part~="feedback"]')];
    expect(order.map((node) => node.getAttribute('part'))).to.deep.equal(['next-publication', 'edit-code', 'feedback']);
    await expect(el).to.be.accessible();
  });

  it('says it in English too, with the time in Paris', async () => {
    api.publications = () => ({ status: 200, body: { ...SCHEDULE, next: '2099-07-01T08:30:00Z' } });
    const el = await mount({ definition, lang: 'en' });
    await identify(el, { lang: 'en', role: 'A member of staff' });
    await pick(choice(el, 'Do you have a digital mediation place?', 'No'));
    await pick(choice(el, 'Who leads', 'The inter-municipal body'));
    await clickNext(el, 'Next');
    await typeInto(field(el, 'How many digital advisers?'), '1');
    await clickNext(el, 'Check my answers');
    button(el, 'Send my answers').click();
    await until(() => nextPublication(el).includes('2099'), 'next publication said');
    expect(nextPublication(el)).to.equal('Your answers will be included in the results published from 1 July 2099, 10:30 am (Paris time), or in a later publication if too few other local authorities of your area answered in the meantime.');
  });

  for (const [label, schedule] of [
    ['no publication is scheduled', () => ({ status: 200, body: { ...SCHEDULE, next: null } })],
    ['the schedule cannot be read', () => ({ status: 200, body: { hello: 'world' } })],
    ['the announced date has passed', () => ({ status: 200, body: { ...SCHEDULE, next: '2020-01-01T10:00:00Z' } })],
    ['the schedule request fails', () => ({ status: 503, body: { error: 'internal_error', message: 'Service indisponible.' } })],
  ] as const) {
    it(`says "at the next publication" when ${label}, and still shows the comparison`, async () => {
      api.publications = schedule;
      const el = await mount({ definition });
      await answerAll(el);
      await sendAndWaitForFigures(el);
      await until(() => api.publicationsRequests().length === 1, 'schedule asked');
      await el.updateComplete;
      expect(nextPublication(el)).to.equal('Vos réponses seront prises en compte à la prochaine publication des résultats, ou à une suivante si trop peu d’autres collectivités de votre territoire ont répondu entre-temps.');
      expect(feedbackStatus(el)).to.equal('');
      expect(editCode(el)).to.match(/^CODE-/);
    });
  }

  it('keeps the general sentence when the service has no schedule route (404) or the figures fail too', async () => {
    api.results = () => ({ status: 503, body: { error: 'internal_error', message: 'Service indisponible.' } });
    const el = await mount({ definition });
    await answerAll(el);
    button(el, 'Envoyer mes réponses').click();
    await until(() => feedbackStatus(el).startsWith('Les chiffres de comparaison n’ont pas pu être chargés'), 'error shown');
    expect(api.publicationsRequests()).to.have.length(1);
    expect(nextPublication(el)).to.equal('Vos réponses seront prises en compte à la prochaine publication des résultats, ou à une suivante si trop peu d’autres collectivités de votre territoire ont répondu entre-temps.');
  });

  it('stays readable at 320 px: each answer becomes a block of labelled figures, nothing overflows', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await mount({ definition });
    await answerAll(el);
    await sendAndWaitForFigures(el);
    const section = el.shadowRoot!.querySelector<HTMLElement>('[part~="feedback"]')!;
    for (const table of tables(el)) expect(table.scrollWidth).to.be.at.most(section.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    const ownCell = tables(el)[0]!.tBodies[0]!.rows[0]!.cells[1]!;
    expect(getComputedStyle(ownCell).display).to.not.equal('table-cell');
    const shareCell = tables(el)[0]!.tBodies[0]!.rows[0]!.cells[2]!;
    expect(getComputedStyle(shareCell, '::before').content).to.equal('"Collectivités semblables"');
    await expect(el).to.be.accessible();
  });
});
