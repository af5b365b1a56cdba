import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/indicateur/define.js';
import type { BarometreIndicateur } from '../../../src/elements/indicateur/barometre-indicateur.js';
import type { ResultsResponse, Series } from '../../../src/core/schema/results.js';
import { wilsonInterval } from '../../../src/core/stats/wilson.js';
import { answer, inclusionSeries, PUBLICATION_EN, PUBLICATION_FR, resultsOf } from './fixtures/results.js';
import { items, part, shadow, statusOf, text, untilStatus } from './helpers/dom.js';
import { captureEvents } from './helpers/events.js';
import { API, defaultRoute, deferred, installFakeApi, json, type FakeApi } from './helpers/fake-api.js';

const NNBSP = '\u202f';
const NBSP = '\u00a0';
const pts = (points: number) => `±${NBSP}${points}${NBSP}pts`;

/** Results as the API publishes them: every published share with its 95 % Wilson interval. */
function withIntervals(results: ResultsResponse): ResultsResponse {
  const series = results.series.map((one): Series => {
    const questions = Object.fromEntries(
      Object.entries(one.questions).map(([id, question]) => {
        const answers = Object.fromEntries(
          Object.entries(question.answers ?? {}).map(([code, figure]) => [
            code,
            figure.share === null || question.n === null ? figure : { ...figure, ci: wilsonInterval(figure.share, question.n) },
          ]),
        );
        return [id, question.answers ? { ...question, answers } : question];
      }),
    );
    return { ...one, questions };
  });
  return { ...results, series };
}

/** The seen part of a comparison item, without the sentence said to screen readers. */
function seenItems(el: Element): string[] {
  return [...(part(el, 'comparisons')?.querySelectorAll('li') ?? [])].map((item) => text(item.querySelector('[aria-hidden="true"]') ?? item));
}

/** What a screen reader reads of a part: the text outside `aria-hidden`. */
function spoken(node: Element | null): string {
  if (!node) return '';
  const copy = node.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return text(copy);
}

describe('<barometre-indicateur>', () => {
  let api: FakeApi;
  let capture: ReturnType<typeof captureEvents>;

  beforeEach(() => {
    api = installFakeApi();
    capture = captureEvents(['barometre-data', 'barometre-error']);
  });

  afterEach(() => {
    api.restore();
    capture.stop();
  });

  it('says it is loading in its block’s live region, then shows the figure in the same block, without a figure caption', async () => {
    const held = deferred<Response>();
    api.route = (url) => (url.pathname.includes('/resultats/') ? held.promise : defaultRoute(url));
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui"></barometre-indicateur>
    `);
    const block = part(el, 'indicator')!;
    const status = part(el, 'status')!;
    expect(block.tagName).to.equal('DIV');
    expect(block.getAttribute('aria-busy')).to.equal('true');
    expect(status.getAttribute('role')).to.equal('status');
    expect(text(status)).to.equal('Chargement des résultats…');
    expect(part(el, 'value')).to.equal(null);
    held.resolve(defaultRoute(new URL(`${API}/resultats/inclusion?question=lieu_mediation`)) as Response);
    await untilStatus(el, 'ready');
    expect(part(el, 'indicator')).to.equal(block);
    expect(block.getAttribute('aria-busy')).to.equal('false');
    expect(text(status)).to.equal('');
    expect(block.contains(part(el, 'value'))).to.equal(true);
    expect(shadow(el).querySelector('figure, figcaption, [part~="figure"], [part~="header"]')).to.equal(null);
  });

  it('shows the key figure, its label, the France comparison, n and base', async () => {
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:35"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    expect(Object.fromEntries(api.resultsRequests()[0]!.searchParams)).to.deep.equal({
      territoire: 'departement:35',
      comparer: 'france',
      question: 'lieu_mediation',
      ponderation: 'brute',
    });
    expect(text(part(el, 'territory'))).to.equal('Ille-et-Vilaine');
    expect(text(part(el, 'value'))).to.equal(`31${NNBSP}%`);
    expect(text(part(el, 'label'))).to.equal('ont répondu « Oui »');
    expect(text(part(el, 'question'))).to.equal('Votre collectivité dispose-t-elle d’au moins un lieu de médiation numérique ?');
    expect(items(el, 'comparisons')).to.deep.equal([`France : 26${NNBSP}%`]);
    expect(text(part(el, 'meta'))).to.equal('n = 42 · Part des collectivités ayant répondu à la question · données brutes');
    expect(text(part(el, 'source'))).to.equal(`Source : Baromètre numérique des collectivités, vague 1. ${PUBLICATION_FR}.`);
    expect(capture.of('barometre-data')).to.have.length(1);
  });

  it('compares with what comparer asks', async () => {
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:35" comparer="region france"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    expect(items(el, 'comparisons')).to.deep.equal([`Bretagne : 29${NNBSP}%`, `France : 26${NNBSP}%`]);
  });

  it('writes English percentages without a space', async () => {
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur lang="en" api=${API} theme="inclusion" question="lieu_mediation" code="oui"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    // Without a territory the France series is the figure itself, with nothing to compare it to.
    expect(text(part(el, 'territory'))).to.equal('France');
    expect(text(part(el, 'value'))).to.equal('26%');
    expect(text(part(el, 'label'))).to.equal('answered “Yes”');
    expect(part(el, 'comparisons')).to.equal(null);
  });

  it('does not compare France with itself', async () => {
    // The reference API answers a request without territory with France as the territory.
    const series = inclusionSeries();
    api.route = () => json(resultsOf('inclusion', [{ ...series.france, role: 'territoire' }, series.france]));
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    expect(text(part(el, 'territory'))).to.equal('France');
    expect(part(el, 'comparisons')).to.equal(null);
  });

  it('says a code hidden by statistical secrecy in a published question, with the question’s n, rather than a zero', async () => {
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="nsp" territoire="departement:35"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    expect(text(part(el, 'value'))).to.equal(
      'La part des collectivités de ce territoire qui ont répondu « Ne sait pas » n’est pas publiée, pour protéger le secret statistique.',
    );
    expect(part(el, 'value')!.dataset.state).to.equal('masque');
    expect(part(el, 'label')).to.equal(null);
    expect(items(el, 'comparisons')).to.deep.equal([`France : 4${NNBSP}%`]);
    expect(text(part(el, 'meta'))).to.equal('n = 42 · Part des collectivités ayant répondu à la question · données brutes');
  });

  for (const [territoire, status, state, stateEn] of [
    [
      'departement:22',
      'insuffisant',
      'Moins de 5 collectivités de ce territoire ont répondu à cette question : c’est trop peu pour publier la part de celles qui ont répondu « Oui ».',
      'Fewer than 5 authorities in this territory answered this question: too few to publish the share of those that answered “Yes”.',
    ],
    [
      'departement:56',
      'masque',
      'La part des collectivités de ce territoire qui ont répondu « Oui » n’est pas publiée, pour protéger le secret statistique.',
      'The share of authorities in this territory that answered “Yes” is not published, to protect statistical secrecy.',
    ],
    [
      'departement:29',
      'aucune',
      'Aucune collectivité de ce territoire n’a répondu à cette question.',
      'No authority in this territory answered this question.',
    ],
  ] as const) {
    it(`says in a whole sentence why the figure is not published (${status}), without a number of respondents`, async () => {
      const el = await fixture<BarometreIndicateur>(html`
        <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire=${territoire}></barometre-indicateur>
      `);
      await untilStatus(el, 'ready');
      expect(text(part(el, 'value'))).to.equal(state);
      expect(part(el, 'value')!.dataset.state).to.equal(status);
      // One sentence, not a state followed by "ont répondu « Oui »".
      expect(part(el, 'label')).to.equal(null);
      expect(text(part(el, 'value'))).to.not.match(/\d+\s*%/);
      // Nothing is hidden from screen readers: the sentence is the text they read.
      expect(part(el, 'value')!.closest('[aria-hidden]')).to.equal(null);
      expect(items(el, 'comparisons')).to.deep.equal([`France : 26${NNBSP}%`]);
      expect(text(part(el, 'meta'))).to.equal('Part des collectivités ayant répondu à la question · données brutes');
      el.lang = 'en';
      await el.updateComplete;
      expect(text(part(el, 'value'))).to.equal(stateEn);
      expect(text(part(el, 'meta'))).to.equal('Share of the authorities that answered the question · raw data');
      expect(text(part(el, 'source'))).to.contain(PUBLICATION_EN);
    });
  }

  it('says a comparison that is not published in words', async () => {
    const series = inclusionSeries();
    const france = { ...series.france, status: 'masque' as const, n: null, questions: {} };
    api.route = () => json(resultsOf('inclusion', [series.territoire, france]));
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:35"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    expect(text(part(el, 'value'))).to.equal(`31${NNBSP}%`);
    expect(items(el, 'comparisons')).to.deep.equal(['France : masqué (secret statistique)']);
  });

  it('uses the base asked and the decimals asked', async () => {
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="services_proposes" code="accompagnement" base="toutes" decimales="1" territoire="departement:35"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    // 11 of 42 respondents; 547 of 2,729.
    expect(text(part(el, 'value'))).to.equal(`26,2${NNBSP}%`);
    expect(items(el, 'comparisons')).to.deep.equal([`France : 20,0${NNBSP}%`]);
    expect(text(part(el, 'meta'))).to.contain('Part de l’ensemble des collectivités répondantes');
  });

  it('labels a weighted figure as an estimate for every collectivité of the territory', async () => {
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:35" ponderation="redressee"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    expect(text(part(el, 'meta'))).to.contain('Part estimée pour l’ensemble des collectivités du territoire');
    expect(text(part(el, 'meta'))).to.not.contain('ayant répondu à la question');
  });

  it('says when an estimate stands for only part of the collectivités', async () => {
    const series = inclusionSeries();
    const question = series.france.questions.lieu_mediation!;
    const france = { ...series.france, questions: { ...series.france.questions, lieu_mediation: { ...question, coverage: 0.874 } } };
    api.route = () => json(resultsOf('inclusion', [series.territoire, france]));
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:35"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    const notes = [...shadow(el).querySelectorAll('.coverage')].map((note) => text(note));
    expect(notes).to.have.length(1);
    expect(notes[0]).to.contain('France');
    expect(notes[0]).to.contain(`87${NNBSP}%`);
  });

  it('is empty for an answer code with no result', async () => {
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="peut_etre" territoire="departement:35"></barometre-indicateur>
    `);
    await untilStatus(el, 'empty');
    expect(text(part(el, 'status'))).to.equal('Aucun résultat n’est disponible pour cette réponse sur ce territoire.');
    expect(part(el, 'value')).to.equal(null);
  });

  it('asks for the code it needs', async () => {
    const el = await fixture<BarometreIndicateur>(html`<barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation"></barometre-indicateur>`);
    await untilStatus(el, 'unconfigured');
    expect(text(part(el, 'status'))).to.contain('attribut code');
    expect(api.requests).to.have.length(0);
  });

  it('shows loading, then an error with a retry that fetches again', async () => {
    const held = deferred<Response>();
    api.route = () => held.promise;
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:99"></barometre-indicateur>
    `);
    expect(statusOf(el)).to.equal('loading');
    expect(text(part(el, 'status'))).to.equal('Chargement des résultats…');
    held.resolve(defaultRoute(api.requests[0]!) as Response);
    await untilStatus(el, 'error');
    expect(text(part(el, 'status'))).to.equal('Les résultats n’ont pas pu être chargés. Territoire inconnu : departement:99.');
    expect(capture.of('barometre-error')[0]!.detail).to.deep.equal({ code: 'territoire_inconnu', message: 'Territoire inconnu : departement:99.' });

    api.route = (url) => defaultRoute(new URL(url.href.replace('departement%3A99', 'departement%3A35')));
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await untilStatus(el, 'ready');
    expect(api.resultsRequests()).to.have.length(2);
    expect(text(part(el, 'value'))).to.equal(`31${NNBSP}%`);
  });

  it('reads a static results file', async () => {
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur src="/test/elements/charts/fixtures/rssi-departement-35.json" question="rssi" code="aucun"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    expect(text(part(el, 'value'))).to.equal(`45${NNBSP}%`);
    expect(text(part(el, 'label'))).to.equal('ont répondu « Non »');
    expect(items(el, 'comparisons')).to.deep.equal([`Bretagne : 52${NNBSP}%`, `France : 64${NNBSP}%`]);
  });

  it('never loads Chart.js', async () => {
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(loaded.filter((name) => /chart-runtime|chart\.js|territoire-chart/.test(name))).to.deep.equal([]);
    expect(shadow(el).querySelector('canvas')).to.equal(null);
  });

  it('errors on a JSON body that is not results', async () => {
    api.route = () => json({ hello: 'world' });
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui"></barometre-indicateur>
    `);
    await waitUntil(() => capture.of('barometre-error').length === 1);
    expect(capture.of('barometre-error')[0]!.detail.code).to.equal('invalid_results');
    expect(part(el, 'value')).to.equal(null);
  });

  describe('margins of error', () => {
    it('shows the margin of the key figure and of each comparison, and says the difference is not significant', async () => {
      const series = inclusionSeries();
      api.route = () => json(withIntervals(resultsOf('inclusion', [series.territoire, series.region, series.france])));
      const el = await fixture<BarometreIndicateur>(html`
        <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:35" comparer="region france"></barometre-indicateur>
      `);
      await untilStatus(el, 'ready');
      // 13 of 42: 31 %, 95 % interval 19 % to 46 %, so ± 16 points (the larger side, rounded up).
      expect(text(part(el, 'value'))).to.equal(`31${NNBSP}%`);
      expect(text(part(el, 'margin'))).to.equal(pts(16));
      // Both comparisons' intervals overlap Ille-et-Vilaine's: no difference can be claimed.
      expect(seenItems(el)).to.deep.equal([
        `Bretagne : 29${NNBSP}% ${pts(8)} (écart non significatif)`,
        `France : 26${NNBSP}% ${pts(2)} (écart non significatif)`,
      ]);
      // Screen readers hear sentences, not "±" and "pts".
      const figure = part(el, 'value')!.closest('p')!;
      expect(spoken(figure)).to.equal(`31${NNBSP}% ont répondu « Oui », à 16 points près.`);
      expect([...part(el, 'comparisons')!.querySelectorAll('li')].map(spoken)).to.deep.equal([
        `Bretagne : 29${NNBSP}%, à 8 points près. L’écart avec Ille-et-Vilaine n’est pas significatif.`,
        `France : 26${NNBSP}%, à 2 points près. L’écart avec Ille-et-Vilaine n’est pas significatif.`,
      ]);
    });

    it('says nothing of significance when the intervals do not overlap', async () => {
      const series = inclusionSeries();
      const question = series.territoire.questions.lieu_mediation!;
      question.answers = { oui: answer(35, 42, 42), non: answer(7, 42, 42) };
      api.route = () => json(withIntervals(resultsOf('inclusion', [series.territoire, series.france])));
      const el = await fixture<BarometreIndicateur>(html`
        <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:35"></barometre-indicateur>
      `);
      await untilStatus(el, 'ready');
      expect(text(part(el, 'value'))).to.equal(`83${NNBSP}%`);
      expect(seenItems(el)).to.deep.equal([`France : 26${NNBSP}% ${pts(2)}`]);
      expect(part(el, 'fragile')).to.equal(null);
    });

    it('shows no margin, and claims nothing, when the data has no interval', async () => {
      const el = await fixture<BarometreIndicateur>(html`
        <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:35"></barometre-indicateur>
      `);
      await untilStatus(el, 'ready');
      expect(part(el, 'margin')).to.equal(null);
      expect(items(el, 'comparisons')).to.deep.equal([`France : 26${NNBSP}%`]);
      expect(spoken(part(el, 'value')!.closest('p'))).to.equal(`31${NNBSP}% ont répondu « Oui ».`);
    });

    it('writes the margin in English', async () => {
      api.route = () => json(withIntervals(resultsOf('inclusion', [inclusionSeries().territoire, inclusionSeries().france])));
      const el = await fixture<BarometreIndicateur>(html`
        <barometre-indicateur lang="en" api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:35"></barometre-indicateur>
      `);
      await untilStatus(el, 'ready');
      expect(text(part(el, 'margin'))).to.equal(pts(16));
      expect(seenItems(el)).to.deep.equal([`France: 26% ${pts(2)} (difference not significant)`]);
      expect(spoken(part(el, 'value')!.closest('p'))).to.equal('31% answered “Yes”, give or take 16 points.');
    });
  });

  describe('fragile figures', () => {
    it('marks a figure with a wide margin as fragile, in words and in a box', async () => {
      const series = inclusionSeries();
      api.route = () => json(withIntervals(resultsOf('inclusion', [series.territoire, series.france])));
      const el = await fixture<BarometreIndicateur>(html`
        <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:35"></barometre-indicateur>
      `);
      await untilStatus(el, 'ready');
      const fragile = part(el, 'fragile')!;
      expect(text(fragile)).to.equal('! Chiffre fragile : sa marge d’erreur dépasse 15 points, il est à lire avec prudence.');
      // Marked by a border and a mark, not by colour alone.
      expect(getComputedStyle(fragile).borderTopStyle).to.equal('dashed');
      expect(spoken(fragile)).to.equal('Chiffre fragile : sa marge d’erreur dépasse 15 points, il est à lire avec prudence.');
    });

    it('marks a figure resting on fewer than 30 respondents as fragile, and a fragile comparison too', async () => {
      const series = inclusionSeries();
      series.territoire.n = 20;
      series.territoire.questions = { lieu_mediation: { status: 'publie', n: 20, answers: { oui: answer(6, 20, 20), non: answer(14, 20, 20) } } };
      series.region.n = 25;
      series.region.questions = { lieu_mediation: { status: 'publie', n: 25, answers: { oui: answer(20, 25, 25), non: answer(5, 25, 25) } } };
      api.route = () => json(withIntervals(resultsOf('inclusion', [series.territoire, series.region])));
      const el = await fixture<BarometreIndicateur>(html`
        <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:35" comparer="region"></barometre-indicateur>
      `);
      await untilStatus(el, 'ready');
      expect(text(part(el, 'value'))).to.equal(`30${NNBSP}%`);
      expect(text(part(el, 'fragile'))).to.equal('! Chiffre fragile : moins de 30 collectivités ont répondu, il est à lire avec prudence.');
      // 80 % of 25 against 30 % of 20: the intervals do not overlap.
      expect(seenItems(el)).to.deep.equal([`Bretagne : 80${NNBSP}% ${pts(20)} (fragile)`]);
      expect(spoken(part(el, 'comparisons')!.querySelector('li'))).to.equal(`Bretagne : 80${NNBSP}%, à 20 points près. Chiffre fragile.`);
      el.lang = 'en';
      await el.updateComplete;
      expect(text(part(el, 'fragile'))).to.equal('! Fragile figure: fewer than 30 authorities answered, so read it with care.');
    });
  });

  it('finds no accessibility violation at 320 px with margins, a fragile figure and comparisons', async () => {
    const series = inclusionSeries();
    api.route = () => json(withIntervals(resultsOf('inclusion', [series.territoire, series.region, series.france])));
    const wrapper = await fixture<HTMLElement>(html`<main style="width: 320px"></main>`);
    wrapper.innerHTML = `<barometre-indicateur api="${API}" theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:35" comparer="region france"></barometre-indicateur>`;
    const el = wrapper.querySelector<BarometreIndicateur>('barometre-indicateur')!;
    await untilStatus(el, 'ready');
    expect(part(el, 'fragile')).to.not.equal(null);
    expect(el.scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });

  it('finds no accessibility violation in a state sentence', async () => {
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:22"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    await expect(el).to.be.accessible();
  });
});
