import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCatalog, formatNumber, toLang } from '../../../src/core/i18n/index.js';

const t = createCatalog({
  fr: { count: '{n} réponses pour {name}', plural: (p) => (Number(p.n) > 1 ? 'plusieurs' : 'une') },
  en: { count: '{n} answers for {name}', plural: (p) => (Number(p.n) > 1 ? 'several' : 'one') },
});

test('interpolates parameters and formats numbers per language', () => {
  assert.equal(t('fr', 'count', { n: 2729, name: 'Rennes' }), '2\u202f729 réponses pour Rennes');
  assert.equal(t('en', 'count', { n: 2729, name: 'Rennes' }), '2,729 answers for Rennes');
});

test('function messages receive the parameters', () => {
  assert.equal(t('fr', 'plural', { n: 3 }), 'plusieurs');
  assert.equal(t('en', 'plural', { n: 1 }), 'one');
});

test('keeps an unknown placeholder visible rather than printing undefined', () => {
  assert.equal(t('fr', 'count', { n: 1 }), '1 réponses pour {name}');
});

test('toLang maps language tags to a supported language, French by default', () => {
  assert.equal(toLang('en-GB'), 'en');
  assert.equal(toLang('EN'), 'en');
  assert.equal(toLang('fr-FR'), 'fr');
  assert.equal(toLang('de'), 'fr');
  assert.equal(toLang(undefined), 'fr');
});

test('one number formatter per language and options, built when first needed', () => {
  const Original = Intl.NumberFormat;
  let built = 0;
  // Counts constructions; formatting itself is left to the real formatter.
  Intl.NumberFormat = function (...args: ConstructorParameters<typeof Intl.NumberFormat>) {
    built += 1;
    return new Original(...args);
  } as unknown as typeof Intl.NumberFormat;
  try {
    const options = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
    const first = [0.25, 12.5, 99].map((value) => formatNumber('fr', value, { ...options }));
    assert.deepEqual(first, ['0,3', '12,5', '99,0']);
    assert.ok(built <= 1, `${built} formatters for one set of options`);
    formatNumber('en', 12.5, { ...options });
    formatNumber('en', 12.5, { ...options });
    assert.ok(built <= 2, `${built} formatters for two languages`);
  } finally {
    Intl.NumberFormat = Original;
  }
});
