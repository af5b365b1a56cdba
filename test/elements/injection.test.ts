// HTML and script in anything the elements display — collectivité and territory names, question
// labels, help and options of a definition, figures' territory names, the server's error
// messages, attributes — must never run nor become markup: it is shown as the literal text it is.
// Every payload, if it ever ran, would set `window.__pwned`; any element it would create carries
// an id starting with `pwn` or an inline handler, which the checks look for in every shadow root.
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { QuestionnaireDefinition } from '../../src/core/schema/questionnaire.js';
import type { ResultsResponse, Series } from '../../src/core/schema/results.js';
import type { MapResults } from '../../src/core/schema/map-results.js';
import '../../src/elements/carte/define.js';
import '../../src/elements/indicateur/define.js';
import '../../src/elements/provider/define.js';
import '../../src/elements/questionnaire/define.js';
import '../../src/elements/territoire-chart/define.js';
import '../../src/elements/territoire-select/define.js';
import type { BarometreCarte } from '../../src/elements/carte/barometre-carte.js';
import type { BarometreTerritoireChart } from '../../src/elements/territoire-chart/barometre-territoire-chart.js';
import { definitions } from '../../src/questionnaires/all.js';
import { departementResults } from './carte/fixtures/map-results.js';
import { inclusionSeries, onlyQuestion, resultsOf } from './charts/fixtures/results.js';
import { part, shadow, statusOf, text } from './charts/helpers/dom.js';
import { button, choice, field, heading, pick, textOf, typeInto, until } from './helpers/dom.js';
import { installFakeApi as installQuestionnaireApi, type FakeApi as QuestionnaireApi } from './helpers/fake-api.js';
import { clickNext, forgetDevice, identify, mount } from './helpers/questionnaire.js';
import { RENNES, testDefinition } from './helpers/test-definition.js';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

/** Markup that would run script in four different ways if it were ever parsed as HTML. */
const P =
  '<img src=x id=pwn-img onerror="window.__pwned=1">' +
  '<script id=pwn-script>window.__pwned=1</script>' +
  '"><svg id=pwn-svg onload="window.__pwned=1"></svg>' +
  "'><a id=pwn-a href=\"javascript:window.__pwned=1\">x</a>";
const JS_URL = 'javascript:window.__pwned=1';
/** What a respondent types in free-text fields: short enough for an "other, specify" text (200). */
const TYPED = '<img src=x id=pwn-typed onerror="window.__pwned=1"><script>window.__pwned=1</script>';

/** A text with the payload in front, kept unique by what follows. */
const taint = (original: string) => `${P} ${original}`;

/** Every element under `host`, through every (nested) shadow root. */
function everything(host: Element): Element[] {
  const found: Element[] = [];
  const visit = (root: ParentNode) => {
    for (const element of root.querySelectorAll('*')) {
      found.push(element);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  found.push(host);
  if (host.shadowRoot) visit(host.shadowRoot);
  visit(host);
  return found;
}

/** Elements a payload would have created: its ids, inline handlers, scripts, `javascript:` links. */
function injected(host: Element): string[] {
  return everything(host)
    .filter(
      (element) =>
        element.id.startsWith('pwn') ||
        element.localName === 'script' ||
        element.localName === 'iframe' ||
        [...element.attributes].some((attribute) => /^on/i.test(attribute.name)) ||
        // A custom element's own `src` or `api` is the page's setting (a test's, here), not markup.
        (!element.localName.includes('-') && /^\s*javascript:/i.test(element.getAttribute('href') ?? element.getAttribute('src') ?? '')),
    )
    .map((element) => element.outerHTML.slice(0, 120));
}

/** Nothing ran and nothing was injected; an image's error handler gets time to fire first. */
async function assertNothingRan(host: Element): Promise<void> {
  await aTimeout(150);
  expect(window.__pwned, 'a payload ran').to.equal(undefined);
  expect(injected(host)).to.deep.equal([]);
}

/** All the text of a shadow root, nested roots included (what a reader could come across). */
function deepText(host: Element): string {
  return everything(host)
    .filter((element) => element.shadowRoot)
    .map((element) => text(element.shadowRoot))
    .join(' ');
}

// ---------------------------------------------------------------------------------------------
// A fake API for the results elements, at an address of its own: definitions are cached per API
// address for the page's life, and this file's must not be another test's.

const API = 'https://api.injection.test/api/v1';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** Every user-facing text of a definition with the payload in front. */
function taintDefinition(definition: QuestionnaireDefinition): QuestionnaireDefinition {
  const localized = (value: { fr: string; en: string }) => ({ fr: taint(value.fr), en: taint(value.en) });
  return {
    ...definition,
    title: localized(definition.title),
    sections: definition.sections.map((section) => ({
      ...section,
      title: localized(section.title),
      questions: section.questions.map((question) => ({
        ...question,
        label: localized(question.label),
        ...(question.help ? { help: localized(question.help) } : {}),
        ...('options' in question ? { options: question.options.map((option) => ({ ...option, label: localized(option.label) })) } : {}),
      })) as QuestionnaireDefinition['sections'][number]['questions'],
    })),
  };
}

const inclusion = taintDefinition(definitions.inclusion);

/** The chart fixtures' series with every territory named by the payload; a formula in one name. */
function taintedSeries(): Record<string, Series> {
  const series: Record<string, Series> = inclusionSeries();
  for (const one of Object.values(series)) one.territory = { ...one.territory, name: taint(one.territory.name) };
  series.region!.territory.name = `=HYPERLINK("https://evil.example","${P}")`;
  return series;
}

function taintedMap(): MapResults {
  const results = departementResults();
  return { ...results, territories: results.territories.map((territory) => ({ ...territory, name: taint(territory.name) })) };
}

/** Answers as the real server does, echoing in its error messages what the request said. */
function route(url: URL): Response {
  const path = url.pathname.replace(/^\/api\/v1/, '');
  const query = url.searchParams;
  if (path === '/questionnaires/inclusion') return json(inclusion);
  const map = /^\/resultats\/([^/]+)\/carte$/.exec(path);
  if (map) {
    if (query.get('question') !== 'lieu_mediation') {
      return json({ error: 'question_not_found', message: `Le questionnaire « inclusion » ne contient pas de question « ${query.get('question')} ».` }, 404);
    }
    return json(taintedMap());
  }
  const results = /^\/resultats\/([^/]+)$/.exec(path);
  if (results) {
    const theme = decodeURIComponent(results[1]!);
    if (theme !== 'inclusion') return json({ error: 'theme_not_found', message: `Thème inconnu : « ${theme} ».` }, 404);
    const territoire = query.get('territoire');
    if (territoire && territoire !== 'departement:35') {
      return json({ error: 'invalid_territory', message: `Identifiant de territoire non valide : « ${territoire} ».` }, 400);
    }
    const question = query.get('question');
    if (question && question !== 'lieu_mediation' && question !== 'services_proposes') {
      return json({ error: 'question_not_found', message: `Le questionnaire « inclusion » ne contient pas de question « ${question} ».` }, 404);
    }
    const all = taintedSeries();
    const roles = [...(territoire ? ['territoire'] : []), ...(query.get('comparer') ?? '').split(',').filter(Boolean)];
    const series = roles.map((role) => all[role]).filter((one): one is Series => one !== undefined);
    const body: ResultsResponse = onlyQuestion(resultsOf('inclusion', series.length ? series : [all.france!]), question);
    return json(body);
  }
  if (path === '/territoires') {
    return json({
      query: query.get('q'),
      territories: [
        { id: 'commune:35238', kind: 'commune', name: taint('Rennes'), code: '35238', departementCode: '35' },
        { id: 'departement:35', kind: 'departement', name: taint('Ille-et-Vilaine'), code: '35' },
      ],
    });
  }
  return json({ error: 'not_found', message: `Aucune ressource à cette adresse (GET ${P}).` }, 404);
}

let restoreFetch: (() => void) | undefined;

/** Routes `fetch` calls to {@link API} to `answer`; everything else goes to the real network. */
function intercept(answer: (url: URL) => Response = route): void {
  const original = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!href.startsWith(API)) return original(input, init);
    if (init?.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    return answer(new URL(href));
  };
  restoreFetch = () => {
    window.fetch = original;
  };
}

// ---------------------------------------------------------------------------------------------

describe('injection: payloads are shown as text, never run', () => {
  beforeEach(() => {
    delete window.__pwned;
  });
  afterEach(() => {
    restoreFetch?.();
    restoreFetch = undefined;
  });

  it('checks itself: the same payload parsed as HTML would be caught', async () => {
    // Guards the guard: were an element to render the payload as markup, these checks would see it.
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('div');
    root.append(inner);
    inner.innerHTML = P;
    expect(injected(host).length).to.be.greaterThan(0);
    await waitUntil(() => window.__pwned === 1, 'the control payload never ran');
    delete window.__pwned;
  });

  it('<barometre-territoire-chart>: territory names, labels from the definition, CSV', async () => {
    intercept();
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="inclusion" question="services_proposes" territoire="departement:35" comparer="region france"></barometre-territoire-chart>
    `);
    await waitUntil(() => el.chart, 'the chart was never drawn', { timeout: 8000 });
    const question = definitions.inclusion.sections.flatMap((s) => s.questions).find((q) => q.id === 'services_proposes')!;
    expect(text(part(el, 'title'))).to.equal(taint(question.label.fr));
    const table = shadow(el).querySelector('table')!;
    const headers = [...table.querySelectorAll('th')].map((cell) => text(cell));
    expect(headers).to.include(taint('Ille-et-Vilaine'));
    expect(headers).to.include(taint('France'));
    expect(headers).to.include(`=HYPERLINK("https://evil.example","${P}")`);
    expect(headers.some((header) => header === taint('Accompagnement aux démarches en ligne') || header.startsWith(`${P} `))).to.equal(true);
    // The download neutralises the formula a spreadsheet would otherwise run.
    const csv = el.toCsv()!;
    expect(csv).to.contain(`'=HYPERLINK(`);
    expect(csv).not.to.match(/(^|[;\n])"?=HYPERLINK/);
    await assertNothingRan(el);
  });

  it('<barometre-indicateur>: territory names, the question, the comparisons', async () => {
    intercept();
    const el = await fixture(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:35" comparer="france"></barometre-indicateur>
    `);
    await waitUntil(() => statusOf(el) === 'ready', 'never ready', { timeout: 5000 });
    expect(text(part(el, 'territory'))).to.equal(taint('Ille-et-Vilaine'));
    const question = definitions.inclusion.sections[0]!.questions.find((q) => q.id === 'lieu_mediation')!;
    expect(text(part(el, 'question'))).to.equal(taint(question.label.fr));
    expect(text(part(el, 'comparisons'))).to.contain(taint('France'));
    await assertNothingRan(el);
  });

  it('<barometre-carte>: territory names in the table, the tooltip and the shapes’ labels', async () => {
    intercept();
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 640px"></div>`);
    const el = document.createElement('barometre-carte') as BarometreCarte;
    for (const [name, value] of Object.entries({ api: API, theme: 'inclusion', question: 'lieu_mediation', code: 'oui' })) el.setAttribute(name, value);
    wrapper.append(el);
    await waitUntil(() => shadow(el).querySelector('svg.map path[role="option"]'), 'the map was never drawn', { timeout: 8000 });
    await el.updateComplete;
    const rows = [...shadow(el).querySelectorAll('tbody tr')].map((row) => text(row.children[0]));
    expect(rows.length).to.be.greaterThan(90);
    expect(rows.find((name) => name.includes('Ille-et-Vilaine'))).to.contain(taint('Ille-et-Vilaine'));
    // Every territory the response names (all but Corse-du-Sud, left out of it) reads as the payload.
    expect(rows.filter((name) => !name.includes(P))).to.deep.equal(['Corse-du-Sud (2A)']);
    // Shapes name their territory in an attribute: text there, never markup.
    const shape = shadow(el).querySelector('[role="option"][data-id="departement:35"]')!;
    expect(shape.getAttribute('aria-label') ?? text(shape)).to.contain(P);
    // Hovering shows the name in the tooltip (and says it in the live region).
    shape.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await el.updateComplete;
    const tooltip = part(el, 'tooltip')!;
    expect(tooltip.hidden).to.equal(false);
    expect(text(tooltip)).to.contain(taint('Ille-et-Vilaine'));
    expect(deepText(el)).to.contain(P);
    await assertNothingRan(wrapper);
  });

  it('<barometre-territoire-select>: names found by the search, the label, the chosen territory', async () => {
    intercept();
    const el = await fixture(html`<barometre-territoire-select api=${API} label=${P}></barometre-territoire-select>`);
    const input = shadow(el).querySelector<HTMLInputElement>('[role="combobox"]')!;
    expect(text(input.labels![0])).to.equal(P);
    input.focus();
    await sendKeys({ type: 'ren' });
    await waitUntil(() => shadow(el).querySelectorAll('[role="option"]').length === 2, 'no options', { timeout: 5000 });
    const optionTexts = [...shadow(el).querySelectorAll('[role="option"]')].map((option) => text(option));
    expect(optionTexts[0]).to.contain(taint('Rennes'));
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => input.value !== 'ren', 'nothing chosen', { timeout: 3000 });
    expect(input.value).to.equal(taint('Rennes'));
    await assertNothingRan(el);
  });

  it('<barometre-territoire-select>: the server’s error message', async () => {
    intercept(() => json({ error: 'internal_error', message: taint('Service indisponible.') }, 400));
    const el = await fixture(html`<barometre-territoire-select api=${API}></barometre-territoire-select>`);
    shadow(el).querySelector<HTMLInputElement>('[role="combobox"]')!.focus();
    await sendKeys({ type: 'ren' });
    await waitUntil(() => text(shadow(el).querySelector('[role="status"]')).includes(P), 'the message was never shown', { timeout: 5000 });
    await assertNothingRan(el);
  });

  it('the server’s error messages, echoing hostile attributes, are text in every results element', async () => {
    intercept();
    const wrapper = await fixture<HTMLDivElement>(html`
      <div style="width: 640px">
        <barometre-territoire-chart api=${API} theme=${P} question="lieu_mediation"></barometre-territoire-chart>
        <barometre-indicateur api=${API} theme="inclusion" question=${P} code=${P}></barometre-indicateur>
        <barometre-carte api=${API} theme="inclusion" question=${P} code=${P}></barometre-carte>
      </div>
    `);
    const [chart, indicator, map] = [...wrapper.children];
    for (const el of [chart!, indicator!, map!]) {
      await waitUntil(() => statusOf(el) === 'error', `<${el.localName}> never failed`, { timeout: 8000 });
      expect(text(part(el, 'status'))).to.contain(P);
    }
    await assertNothingRan(wrapper);
  });

  it('<barometre-provider>: hostile settings reach the elements as text, and a javascript: API is never run', async () => {
    intercept();
    const wrapper = await fixture<HTMLDivElement>(html`
      <div style="width: 640px">
        <barometre-provider api=${API} territoire=${P} lang=${P} ponderation=${P}>
          <barometre-indicateur theme="inclusion" question="lieu_mediation" code="oui"></barometre-indicateur>
          <barometre-territoire-chart theme="inclusion" question="lieu_mediation" comparer=${P}></barometre-territoire-chart>
        </barometre-provider>
        <barometre-provider api=${JS_URL}>
          <barometre-indicateur theme="inclusion" question="lieu_mediation" code="oui"></barometre-indicateur>
          <barometre-territoire-chart theme="inclusion" question="lieu_mediation" src=${JS_URL}></barometre-territoire-chart>
          <barometre-carte theme="inclusion" question="lieu_mediation" code="oui"></barometre-carte>
        </barometre-provider>
      </div>
    `);
    const [hostile, script] = [...wrapper.querySelectorAll('barometre-provider')];
    const indicator = hostile!.querySelector('barometre-indicateur')!;
    await waitUntil(() => statusOf(indicator) === 'error', 'the indicator never failed', { timeout: 5000 });
    // The territory went to the server as data and came back, in its message, as text.
    expect(text(part(indicator, 'status'))).to.contain(P);
    for (const el of script!.children) {
      await waitUntil(() => statusOf(el) === 'error', `<${el.localName}> under a javascript: API never failed`, { timeout: 8000 });
    }
    await assertNothingRan(wrapper);
  });
});

// ---------------------------------------------------------------------------------------------
// The questionnaire, through the fake of its own API.

/** The test questionnaire with every text tainted, and key questions compared after sending. */
const HEADLINES = new Set(['lieu', 'types_lieu', 'pilotage']);
const questionnaire: QuestionnaireDefinition = (() => {
  const tainted = taintDefinition(testDefinition);
  return {
    ...tainted,
    sections: tainted.sections.map((section) => ({
      ...section,
      questions: section.questions.map((question) => (HEADLINES.has(question.id) ? { ...question, headline: true } : question)),
    })),
  };
})();

const label = (id: string) => questionnaire.sections.flatMap((s) => s.questions).find((q) => q.id === id)!.label.fr;
const optionLabel = (id: string, code: string) => {
  const question = questionnaire.sections.flatMap((s) => s.questions).find((q) => q.id === id)!;
  return 'options' in question ? question.options.find((option) => option.code === code)!.label.fr : code;
};

const COLLECTIVITE = { ...RENNES, name: taint('Rennes'), populationBand: '100000+', departementName: taint('Ille-et-Vilaine'), regionName: taint('Bretagne') };

function figures(n: number, counts: Record<string, number>) {
  const answers = Object.fromEntries(
    Object.entries(counts).map(([code, count]) => [code, { status: 'publie', count, share: count / n, shareOfAll: count / n }]),
  );
  return { status: 'publie', n, answers };
}

function feedbackSeries(role: string, territory: { id: string; name: string; kind: string }) {
  return {
    role,
    territory,
    status: 'publie',
    n: 40,
    questions: {
      lieu: figures(40, { oui: 30, non: 8, nsp: 2 }),
      types_lieu: figures(30, { france_services: 12, mediatheque: 21, autre: 6, aucun_label: 5 }),
      pilotage: figures(40, { commune: 20, intercommunalite: 16, autre: 4 }),
    },
  };
}

/** Comparisons for the confirmation, every territory named by the payload. */
function feedbackResults(theme: string, query: URLSearchParams) {
  const response = (series: unknown[]) => ({
    status: 200,
    body: {
      theme,
      publication: { id: '2026-12-06T13-00-00Z', publishedAt: '2026-12-06T13:00:00Z' },
      ponderation: 'brute',
      minCell: 5,
      source: { fr: taint('Source'), en: taint('Source') },
      series,
    },
  });
  if (query.get('type') === 'commune') return response([feedbackSeries('territoire', { id: 'france', name: taint('France'), kind: 'france' })]);
  return response([
    feedbackSeries('territoire', { id: 'departement:35', name: taint('Ille-et-Vilaine'), kind: 'departement' }),
    feedbackSeries('france', { id: 'france', name: taint('France'), kind: 'france' }),
  ]);
}

async function answerEverything(el: HTMLElement & { shadowRoot: ShadowRoot | null }, freeText: string): Promise<void> {
  await identify(el as Parameters<typeof identify>[0]);
  await pick(choice(el, label('lieu'), 'Oui'));
  await pick(choice(el, label('types_lieu'), optionLabel('types_lieu', 'mediatheque')));
  await pick(choice(el, label('types_lieu'), optionLabel('types_lieu', 'autre')));
  await typeInto(field(el, `Précisez votre réponse « ${optionLabel('types_lieu', 'autre')} »`), freeText);
  await pick(choice(el, label('pilotage'), optionLabel('pilotage', 'commune')));
  await clickNext(el as Parameters<typeof clickNext>[0]);
  await typeInto(field(el, label('conseillers')), '3');
  await typeInto(field(el, label('commentaire')), freeText);
  await clickNext(el as Parameters<typeof clickNext>[0], 'Vérifier mes réponses');
}

describe('injection: <barometre-questionnaire>', () => {
  let api: QuestionnaireApi;

  beforeEach(() => {
    delete window.__pwned;
    forgetDevice();
    api = installQuestionnaireApi({ definitions: [questionnaire], collectivites: [COLLECTIVITE] });
    api.results = feedbackResults;
  });
  afterEach(() => api.uninstall());

  it('shows the collectivité, the definition’s texts, typed answers and the comparisons as text', async () => {
    // The definition comes from the API, as a deployment may serve its own.
    const el = await mount({ theme: 'inclusion' });
    await typeInto(field(el, 'Numéro SIRET'), RENNES.siret);
    await until(() => textOf(el).includes('Collectivité trouvée'), 'collectivité shown');
    expect(textOf(el)).to.contain(taint('Rennes'));
    await assertNothingRan(el);

    await answerEverything(el, TYPED);
    // The review repeats labels, option labels and what was typed.
    const review = textOf(el);
    expect(review).to.contain(label('lieu'));
    expect(review).to.contain(optionLabel('types_lieu', 'mediatheque'));
    expect(review).to.contain(TYPED);
    await assertNothingRan(el);

    button(el, 'Envoyer mes réponses').click();
    await until(() => heading(el).startsWith('Merci'), 'confirmation');
    await until(() => el.shadowRoot!.querySelectorAll('[part~="feedback-table"]').length > 0, 'comparison tables', 5000);
    const confirmation = textOf(el);
    expect(confirmation).to.contain(label('lieu'));
    expect(confirmation).to.contain(taint('Ille-et-Vilaine'));
    await assertNothingRan(el);
  });

  it('shows a hostile SIRET attribute and the server’s lookup message as text', async () => {
    const el = await mount({ theme: 'inclusion', siret: P });
    // A SIRET attribute that is not a SIRET is ignored: the field stays empty for the respondent.
    expect(field(el, 'Numéro SIRET').value).to.equal('');
    await assertNothingRan(el);
    // The lookup's refusal, worded by the server.
    const inner = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (href.includes('/collectivites/')) return json({ error: 'collectivite_not_found', message: taint('Inconnue.') }, 404);
      return inner(input, init);
    };
    try {
      await typeInto(field(el, 'Numéro SIRET'), RENNES.siret);
      await until(() => textOf(el).includes(taint('Inconnue.')), 'lookup message shown');
      await assertNothingRan(el);
    } finally {
      window.fetch = inner;
    }
  });

  it('shows the server’s messages on refused answers as text, beside their field', async () => {
    const el = await mount({ theme: 'inclusion' });
    await answerEverything(el, 'texte');
    api.respondNextPut(422, {
      error: 'invalid_answers',
      message: taint('Refusé.'),
      details: {
        problems: [{ questionId: 'pilotage', code: 'unknown_code', field: 'answers.pilotage', message: taint('Réponse refusée.') }],
        fields: [{ path: 'answers.pilotage', message: taint('Réponse refusée.') }],
      },
    });
    button(el, 'Envoyer mes réponses').click();
    await until(() => textOf(el).includes(taint('Réponse refusée.')), 'field message shown');
    await assertNothingRan(el);
  });

  it('shows the server’s message on a refused submission as text', async () => {
    const el = await mount({ theme: 'inclusion' });
    await answerEverything(el, 'texte');
    api.respondNextPut(400, { error: 'validation_failed', message: taint('Envoi refusé.') });
    button(el, 'Envoyer mes réponses').click();
    await until(() => textOf(el).includes(taint('Envoi refusé.')), 'submission message shown');
    await assertNothingRan(el);
  });
});
