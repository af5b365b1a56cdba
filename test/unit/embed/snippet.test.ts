import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { embedAttributes, embedSnippet, escapeAttribute } from '../../../src/elements/shared/results/embed/snippet.js';
import { toChartKind } from '../../../src/elements/territoire-chart/chart-kind.js';
import { toBase } from '../../../src/elements/shared/results/share-table.js';
import { DEFAULT_DECIMALS } from '../../../src/elements/shared/results/percent.js';
import { toMapLevel } from '../../../src/elements/carte/territories.js';
import { toKind, toMapMeasure } from '../../../src/elements/carte/map-measure.js';

const API = 'https://barometre.example.org/api/v1';
const SCRIPT = 'https://barometre.example.org/cdn/barometre-widgets.js';

describe('embed snippet', () => {
  test('a chart: the script tag on its line, then the element with its attributes in the stable order', () => {
    const snippet = embedSnippet({
      tag: 'barometre-territoire-chart',
      script: SCRIPT,
      // Given in another order than the one written.
      settings: { lang: 'fr', comparer: ['region', 'france'], territoire: 'departement:35', question: 'rssi', theme: 'cybersecurite', api: API },
    });
    assert.equal(
      snippet,
      `<script type="module" src="${SCRIPT}"></script>\n` +
        '<barometre-territoire-chart\n' +
        `  api="${API}"\n` +
        '  theme="cybersecurite"\n' +
        '  question="rssi"\n' +
        '  territoire="departement:35"\n' +
        '  comparer="region france"\n' +
        '  lang="fr"\n' +
        '></barometre-territoire-chart>',
    );
  });

  test('a short element stays on one line', () => {
    assert.equal(
      embedSnippet({ tag: 'barometre-indicateur', settings: { theme: 'inclusion', question: 'lieu_mediation', code: 'oui' } }),
      '<barometre-indicateur theme="inclusion" question="lieu_mediation" code="oui"></barometre-indicateur>',
    );
  });

  test('defaults are left out: bars, base, raw figures, département level, whole percents', () => {
    const defaults = { type: 'barres', base: 'concernees', ponderation: 'brute', niveau: 'departement', decimales: 0, comparer: [] };
    assert.deepEqual(embedAttributes('barometre-territoire-chart', { theme: 'inclusion', ...defaults }), [['theme', 'inclusion']]);
    // A map's `type` is the kind of collectivité a participation map counts: communes by default.
    assert.deepEqual(embedAttributes('barometre-carte', { theme: 'inclusion', ...defaults, type: 'commune', mesure: 'resultats' }), [['theme', 'inclusion']]);
    // The defaults of the snippets are those the elements read from a missing attribute.
    assert.equal(toChartKind(undefined), defaults.type);
    assert.equal(toBase(undefined), defaults.base);
    assert.equal(toMapLevel(undefined), defaults.niveau);
    assert.equal(toKind(undefined), 'commune');
    assert.equal(toMapMeasure(undefined), 'resultats');
    assert.equal(DEFAULT_DECIMALS, defaults.decimales);
  });

  test('values that differ from the defaults are written', () => {
    const attributes = embedAttributes('barometre-territoire-chart', {
      type: 'colonnes',
      base: 'toutes',
      ponderation: 'redressee',
      decimales: 1,
      lang: 'en',
    });
    assert.deepEqual(attributes, [
      ['type', 'colonnes'],
      ['base', 'toutes'],
      ['ponderation', 'redressee'],
      ['decimales', '1'],
      ['lang', 'en'],
    ]);
  });

  test('the language is always written: without it an element speaks the language of the page it lands in', () => {
    assert.deepEqual(embedAttributes('barometre-indicateur', { lang: 'fr' }), [['lang', 'fr']]);
  });

  test('comparisons: the element’s own default is left out, a different one (even none) is written', () => {
    assert.deepEqual(embedAttributes('barometre-indicateur', { comparer: ['france'] }), []);
    assert.deepEqual(embedAttributes('barometre-indicateur', { comparer: [] }), [['comparer', '']]);
    assert.deepEqual(embedAttributes('barometre-indicateur', { comparer: ['region', 'france'] }), [['comparer', 'region france']]);
    assert.deepEqual(embedAttributes('barometre-territoire-chart', { comparer: [] }), []);
    assert.deepEqual(embedAttributes('barometre-territoire-chart', { comparer: ['france'] }), [['comparer', 'france']]);
  });

  test('each element gets only the attributes it reads', () => {
    const everything = {
      code: 'oui',
      niveau: 'region',
      comparer: ['france', 'region'],
      type: 'colonnes',
      base: 'toutes',
      seuils: [20, 40, 60],
    };
    const names = (tag: Parameters<typeof embedAttributes>[0]) => embedAttributes(tag, everything).map(([name]) => name);
    assert.deepEqual(names('barometre-territoire-chart'), ['comparer', 'type', 'base']);
    assert.deepEqual(names('barometre-indicateur'), ['code', 'comparer', 'base']);
    assert.deepEqual(names('barometre-carte'), ['code', 'niveau', 'type', 'seuils']);
    assert.deepEqual(embedAttributes('barometre-carte', everything).at(-1), ['seuils', '20 40 60']);
  });

  test('a participation map: its measure, kind and edition, in the snippets’ order', () => {
    const settings = { api: API, mesure: 'participation', theme: 'cybersecurite', niveau: 'region', type: 'epci', edition: '2025', lang: 'fr' };
    assert.deepEqual(embedAttributes('barometre-carte', settings), [
      ['api', API],
      ['mesure', 'participation'],
      ['theme', 'cybersecurite'],
      ['niveau', 'region'],
      ['type', 'epci'],
      ['edition', '2025'],
      ['lang', 'fr'],
    ]);
    // Only the map reads a measure or an edition.
    const chart = embedAttributes('barometre-territoire-chart', settings).map(([name]) => name);
    assert.deepEqual(chart.filter((name) => name === 'mesure' || name === 'edition'), []);
  });

  test('the source: an API, a static publication, or a file beside the address its wording comes from', () => {
    assert.deepEqual(embedAttributes('barometre-carte', { publication: 'https://cdn.example.fr/barometre' }), [
      ['publication', 'https://cdn.example.fr/barometre'],
    ]);
    assert.deepEqual(embedAttributes('barometre-territoire-chart', { src: 'https://example.fr/rssi.json', api: API }), [
      ['api', API],
      ['src', 'https://example.fr/rssi.json'],
    ]);
  });

  test('empty and blank values are left out', () => {
    assert.deepEqual(embedAttributes('barometre-indicateur', { theme: ' ', question: '', territoire: undefined, code: 'oui' }), [['code', 'oui']]);
  });

  test('values are escaped for HTML, the script address too', () => {
    assert.equal(escapeAttribute(`a&b"c<d>e'f`), 'a&amp;b&quot;c&lt;d&gt;e\'f');
    const snippet = embedSnippet({
      tag: 'barometre-indicateur',
      script: 'https://x.example/cdn/barometre-widgets.js?v="1"&a=<b>',
      settings: { api: 'https://x.example/api?a=1&b=2', question: '"><script>alert(1)</script>', code: 'oui' },
    });
    assert.ok(!snippet.includes('<script>alert'), snippet);
    assert.ok(snippet.includes('question="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'), snippet);
    assert.ok(snippet.includes('api="https://x.example/api?a=1&amp;b=2"'), snippet);
    assert.ok(snippet.startsWith('<script type="module" src="https://x.example/cdn/barometre-widgets.js?v=&quot;1&quot;&amp;a=&lt;b&gt;"></script>\n'));
    // One element, one script: nothing the values held opened another tag.
    assert.equal(snippet.match(/</g)?.length, 4);
  });

  test('without a loader address, the element alone', () => {
    const snippet = embedSnippet({ tag: 'barometre-carte', settings: { publication: 'https://cdn.example.fr/b', theme: 'inclusion' } });
    assert.equal(snippet, '<barometre-carte publication="https://cdn.example.fr/b" theme="inclusion"></barometre-carte>');
  });

  test('the same settings give the same snippet, whatever their order', () => {
    const a = embedSnippet({ tag: 'barometre-carte', script: SCRIPT, settings: { theme: 't', code: 'c', niveau: 'region', api: API } });
    const b = embedSnippet({ tag: 'barometre-carte', script: SCRIPT, settings: { api: API, niveau: 'region', code: 'c', theme: 't' } });
    assert.equal(a, b);
  });
});
