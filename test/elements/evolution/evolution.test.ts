import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/evolution/define.js';
import type { BarometreEvolution } from '../../../src/elements/evolution/barometre-evolution.js';
import type { EvolutionPoint, EvolutionResponse } from '../../../src/core/schema/evolution.js';
import { parseCsv } from '../../helpers/csv.js';
import { part, shadow, text, untilStatus } from '../charts/helpers/dom.js';
import { API, deferred, installFakeApi, json, type FakeApi } from '../charts/helpers/fake-api.js';

const NNBSP = '\u202f';
const PUBLICATION_2025 = { id: '2025-12-01T09-00-00Z', publishedAt: '2025-12-01T09:00:00Z' };
const PUBLICATION_2026 = { id: '2026-12-06T13-00-00Z', publishedAt: '2026-12-06T13:00:00Z' };
const WORDING = {
  question: { fr: 'Votre collectivité dispose-t-elle d’un RSSI ?', en: 'Does your authority have an RSSI?' },
  answer: { fr: 'Oui, mutualisé', en: 'Yes, shared' },
};
const CODES_CHANGED = {
  reason: 'codes_changed' as const,
  message: {
    fr: 'La série s’interrompt en 2026 : les réponses proposées ne sont plus celles de 2025, les parts ne se comparent pas.',
    en: 'The series breaks in 2026: the answers offered differ from those of 2025, so the shares do not compare.',
  },
};

const point = (edition: '2025' | '2026', figure: Partial<EvolutionPoint>): EvolutionPoint => ({
  edition,
  publication: edition === '2025' ? PUBLICATION_2025 : PUBLICATION_2026,
  status: 'publie',
  n: null,
  share: null,
  ci: null,
  ...figure,
});

/**
 * Ille-et-Vilaine beside Bretagne and France over two editions, with every state a figure can be
 * in: Ille-et-Vilaine has too few answers in 2026, Bretagne's 2025 share is hidden by secrecy,
 * and nobody among similar collectivités answered in 2025.
 */
function evolution(breakBefore: typeof CODES_CHANGED | null = null): EvolutionResponse {
  return {
    theme: 'cybersecurite',
    question: 'rssi',
    code: 'mutualise',
    ponderation: 'brute',
    source: { fr: 'Baromètre numérique des collectivités, vague 1', en: 'Digital barometer of French local authorities, wave 1' },
    editions: [
      { edition: '2025', publication: PUBLICATION_2025, minCell: 5, wording: WORDING, breakBefore: null },
      { edition: '2026', publication: PUBLICATION_2026, minCell: 5, wording: WORDING, breakBefore },
    ],
    series: [
      {
        role: 'territoire',
        territory: { id: 'departement:35', name: 'Ille-et-Vilaine', kind: 'departement' },
        points: [point('2025', { n: 60, share: 0.3, ci: [0.2, 0.42] }), point('2026', { status: 'insuffisant' })],
      },
      {
        role: 'region',
        territory: { id: 'region:53', name: 'Bretagne', kind: 'region' },
        points: [point('2025', { status: 'masque' }), point('2026', { n: 240, share: 0.35, ci: [0.29, 0.41] })],
      },
      {
        role: 'france',
        territory: { id: 'france', name: 'France', kind: 'france' },
        points: [point('2025', { n: 2729, share: 0.29, ci: [0.273, 0.307] }), point('2026', { n: 3117, share: 0.31, ci: [0.294, 0.326] })],
      },
      {
        role: 'similaires',
        territory: { id: 'groupe:profil:departement:35', name: 'Collectivités de même profil', kind: 'groupe' },
        points: [point('2025', { status: 'aucune', n: 0 }), point('2026', { n: 20, share: 0.4, ci: [0.22, 0.61] })],
      },
    ],
  };
}

const ATTRIBUTES = 'theme="cybersecurite" question="rssi" code="mutualise" territoire="departement:35" comparer="region france similaires"';

async function element(attributes = ATTRIBUTES, state = 'ready'): Promise<BarometreEvolution> {
  const wrapper = await fixture<HTMLElement>(html`<main></main>`);
  wrapper.innerHTML = `<barometre-evolution api="${API}" ${attributes}></barometre-evolution>`;
  const el = wrapper.querySelector<BarometreEvolution>('barometre-evolution')!;
  await untilStatus(el, state);
  await el.updateComplete;
  return el;
}

async function drawn(attributes = ATTRIBUTES): Promise<BarometreEvolution> {
  const el = await element(attributes);
  await waitUntil(() => el.chart, 'the chart was never drawn', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const items = (el: Element, name: string) => [...(part(el, name)?.querySelectorAll('li') ?? [])].map((li) => text(li));
const rows = (el: Element) => [...shadow(el).querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('th, td')].map((cell) => text(cell)));

describe('<barometre-evolution>', () => {
  let api: FakeApi;
  let response: EvolutionResponse;

  beforeEach(() => {
    response = evolution();
    api = installFakeApi((url) => (url.pathname.endsWith('/evolution') ? json(response) : json({ error: 'not_found', message: 'Introuvable.' }, 404)));
  });

  afterEach(() => api.restore());

  it('asks the API once and says each series’ figures, edition by edition, with the states of those not published', async () => {
    const el = await element();
    expect(api.requests.map((url) => `${url.pathname}${url.search}`)).to.deep.equal([
      '/v1/resultats/cybersecurite/evolution?question=rssi&code=mutualise&territoire=departement%3A35&comparer=region%2Cfrance%2Csimilaires&ponderation=brute',
    ]);
    expect(text(part(el, 'title'))).to.equal('Votre collectivité dispose-t-elle d’un RSSI ? — évolution par édition');
    expect(text(part(el, 'subtitle'))).to.equal('Part des collectivités ayant répondu « Oui, mutualisé », parmi celles ayant répondu à la question');
    expect(items(el, 'series')).to.deep.equal(['Ille-et-Vilaine', 'Bretagne', 'France', 'Collectivités de même profil']);
    expect(items(el, 'summary')).to.deep.equal([
      `Ille-et-Vilaine : 30${NNBSP}% ± 12 pts en 2025, moins de 5 réponses en 2026.`,
      `Bretagne : masqué (secret statistique) en 2025, 35${NNBSP}% ± 6 pts en 2026.`,
      `France : 29${NNBSP}% ± 2 pts en 2025, 31${NNBSP}% ± 2 pts en 2026.`,
      `Collectivités de même profil : aucune réponse en 2025, 40${NNBSP}% ± 21 pts en 2026.`,
    ]);
    expect(part(el, 'breaks')).to.equal(null);
    expect(text(part(el, 'source'))).to.equal(
      'Source : Baromètre numérique des collectivités, vague 1. Édition 2025 : Résultats arrêtés au 1er décembre 2025 à 10 h ; Édition 2026 : Résultats arrêtés au 6 décembre 2026 à 14 h.',
    );
  });

  it('draws a line per series with figures, gaps where a figure is not published, and names the drawing', async () => {
    const el = await drawn();
    const chart = el.chart!;
    expect(chart.data.labels).to.deep.equal(['2025', '2026']);
    expect(chart.data.datasets.map((set) => [set.label, set.data])).to.deep.equal([
      ['Ille-et-Vilaine', [30, null]],
      ['Bretagne', [null, 35]],
      ['France', [29, 31]],
      ['Collectivités de même profil', [null, 40]],
    ]);
    // Not by colour alone: each role has its marker shape and its dash.
    expect(chart.data.datasets.map((set) => set.pointStyle)).to.deep.equal(['circle', 'rect', 'triangle', 'rectRot']);
    expect(new Set(chart.data.datasets.map((set) => JSON.stringify(set.borderDash))).size).to.equal(4);
    expect(part(el, 'canvas')!.getAttribute('role')).to.equal('img');
    expect(part(el, 'canvas')!.getAttribute('aria-label')).to.contain('Ille-et-Vilaine, Bretagne, France');
  });

  it('breaks the series where the question changed: no line across, the reason in words, the row marked', async () => {
    response = evolution(CODES_CHANGED);
    const el = await drawn();
    expect(items(el, 'breaks')).to.deep.equal([CODES_CHANGED.message.fr]);
    const segment = el.chart!.data.datasets[2]!.segment as { borderColor: (context: { p1DataIndex: number }) => string | undefined };
    expect(segment.borderColor({ p1DataIndex: 1 })).to.equal('transparent');
    expect(rows(el).map((row) => row[0])).to.deep.equal(['2025', '2026 (série interrompue)']);
    expect(items(el, 'table-notes')[0]).to.equal(CODES_CHANGED.message.fr);
  });

  it('gives every figure in a table: a row per edition, a column per series, the publication of each edition', async () => {
    const el = await element();
    const table = part<HTMLTableElement>(el, 'table')!;
    expect(text(table.caption)).to.equal(
      'Votre collectivité dispose-t-elle d’un RSSI ? — part « Oui, mutualisé » par édition. Part des collectivités ayant répondu « Oui, mutualisé », parmi celles ayant répondu à la question.',
    );
    expect([...table.querySelectorAll('thead th')].map((th) => text(th))).to.deep.equal([
      'Édition',
      'Ille-et-Vilaine',
      'Bretagne',
      'France',
      'Collectivités de même profil',
      'Publication',
    ]);
    expect(rows(el)).to.deep.equal([
      ['2025', `30${NNBSP}% ± 12 pts`, 'masqué (secret statistique)', `29${NNBSP}% ± 2 pts`, 'aucune réponse', 'Édition 2025 : Résultats arrêtés au 1er décembre 2025 à 10 h'],
      ['2026', 'moins de 5 réponses', `35${NNBSP}% ± 6 pts`, `31${NNBSP}% ± 2 pts`, `40${NNBSP}% ± 21 pts fragile`, 'Édition 2026 : Résultats arrêtés au 6 décembre 2026 à 14 h'],
    ]);
  });

  it('keeps numeric columns numeric in the CSV: an empty cell and a status for a figure not published', async () => {
    const el = await element();
    const csv = el.toCsv()!;
    expect(csv.startsWith('\uFEFF')).to.equal(true);
    const lines = parseCsv(csv, ';');
    const header = lines.findIndex((line) => line[0] === 'Édition' && line[1] === 'Publication');
    expect(lines[header]!.slice(0, 8)).to.deep.equal([
      'Édition',
      'Publication',
      'Rupture de série (motif)',
      'Ille-et-Vilaine (%)',
      'Ille-et-Vilaine (marge d’erreur, points)',
      'Ille-et-Vilaine (fragile)',
      'Ille-et-Vilaine (répondants)',
      'Ille-et-Vilaine (statut)',
    ]);
    expect(lines[header + 1]!.slice(0, 13)).to.deep.equal(['2025', PUBLICATION_2025.id, '', '30', '12', '0', '60', 'publie', '', '', '', '', 'masque']);
    expect(lines[header + 2]!.slice(0, 8)).to.deep.equal(['2026', PUBLICATION_2026.id, '', '', '', '', '', 'insuffisant']);
    expect(lines.some((line) => line[0] === 'Édition' && line[1] === '2026' && line[2] === PUBLICATION_2026.id)).to.equal(true);

    response = evolution(CODES_CHANGED);
    const broken = await element();
    const brokenLines = parseCsv(broken.toCsv()!, ';');
    expect(brokenLines.find((line) => line[0] === '2026' && line[1] === PUBLICATION_2026.id)![2]).to.equal('codes_changed');
  });

  it('exports a PNG once the chart is drawn', async () => {
    const el = await drawn();
    await waitUntil(() => !part<HTMLButtonElement>(el, 'png-button')!.disabled, 'the PNG button stayed disabled');
    expect(el.toPng()).to.match(/^data:image\/png;base64,/);
  });

  it('is complete by keyboard: the table toggle, the scrolling table region, and “Intégrer” with its code', async () => {
    const el = await element();
    const toggle = part<HTMLButtonElement>(el, 'table-button')!;
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    const region = part(el, 'table-container')!;
    expect(region.getAttribute('tabindex')).to.equal('0');
    expect(region.getAttribute('aria-label')).to.equal('Tableau des valeurs par édition, défilable');

    part<HTMLButtonElement>(el, 'embed-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(el, 'embed-code'), 'the embed panel never opened');
    const code = part<HTMLTextAreaElement>(el, 'embed-code')!;
    expect(code.value).to.contain('<barometre-evolution');
    expect(code.value).to.contain('question="rssi"');
    expect(code.value).to.contain('code="mutualise"');
    expect(code.value).to.contain('comparer="region france similaires"');
    expect(code.value).to.contain('lang="fr"');
    expect(await el.embedSnippet()).to.contain(`api="${API}"`);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(part(el, 'embed-code')).to.equal(null);
  });

  it('states: loading, then an error with a retry; nothing asked without an answer code', async () => {
    api.restore();
    const held = deferred<Response>();
    api = installFakeApi(() => held.promise);
    const wrapper = await fixture<HTMLElement>(html`<main></main>`);
    wrapper.innerHTML = `<barometre-evolution api="${API}" ${ATTRIBUTES}></barometre-evolution>`;
    const el = wrapper.querySelector<BarometreEvolution>('barometre-evolution')!;
    await untilStatus(el, 'loading');
    expect(part(el, 'figure')!.getAttribute('aria-busy')).to.equal('true');
    held.resolve(json({ error: 'answer_not_found', message: 'Aucune édition de la question « rssi » ne propose la réponse « peut_etre ».' }, 404));
    await untilStatus(el, 'error');
    expect(text(part(el, 'status'))).to.contain('ne propose la réponse « peut_etre »');
    expect(part(el, 'retry-button')).to.not.equal(null);

    const bare = await element('theme="cybersecurite" question="rssi"', 'unconfigured');
    expect(text(part(bare, 'status'))).to.equal('Aucune réponse indiquée : ajoutez l’attribut code (par exemple oui).');
  });

  it('refuses figures that break the contract: a hidden figure with a share is never drawn', async () => {
    response = evolution();
    response.series[1]!.points[0] = { ...response.series[1]!.points[0]!, share: 0.2 };
    const el = await element(ATTRIBUTES, 'error');
    expect(part(el, 'canvas')).to.equal(null);
  });

  it('speaks English', async () => {
    response = evolution(CODES_CHANGED);
    const el = await element(`${ATTRIBUTES} lang="en"`);
    expect(text(part(el, 'title'))).to.equal('Does your authority have an RSSI? — change by edition');
    expect(items(el, 'summary')[0]).to.equal('Ille-et-Vilaine: 30% ± 12 pts in 2025, fewer than 5 responses in 2026.');
    expect(items(el, 'breaks')).to.deep.equal([CODES_CHANGED.message.en]);
    expect(rows(el)[1]![0]).to.equal('2026 (series broken)');
  });

  it('finds no accessibility violation (axe), chart drawn and table shown', async () => {
    response = evolution(CODES_CHANGED);
    const el = await drawn();
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'table-button')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
