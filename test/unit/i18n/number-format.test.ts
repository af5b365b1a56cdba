import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNumber } from '../../../src/core/i18n/catalog.js';

const LOCALES = { fr: 'fr-FR', en: 'en-GB' } as const;

const VALUES = [
  0, -0, 1, 7, 42, 999, 1000, 1001, 12_345, 999_999, 1_000_000, 34_874_123, 2 ** 53, 1e21, 1e-7,
  -1, -3, -999, -1000, -1234.5, 0.5, 12.3, 28.5, 28.25, 28.125, 1.005, 0.1 + 0.2, 66.66666666666667, 100, 12.3456,
  Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY,
];

const OPTIONS: (Intl.NumberFormatOptions | undefined)[] = [
  undefined,
  {},
  { minimumFractionDigits: 0, maximumFractionDigits: 0 },
  { minimumFractionDigits: 1, maximumFractionDigits: 1 },
  { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  { maximumFractionDigits: 2 },
  { maximumFractionDigits: 4 },
  { minimumFractionDigits: 1 },
  { useGrouping: false },
  { useGrouping: false, maximumFractionDigits: 2 },
  { useGrouping: 'min2' },
  { style: 'percent' },
];

test('every number reads exactly as Intl.NumberFormat writes it, in French and in English, whatever the options', () => {
  for (const [lang, locale] of Object.entries(LOCALES) as [keyof typeof LOCALES, string][]) {
    for (const options of OPTIONS) {
      const intl = new Intl.NumberFormat(locale, options);
      for (const value of VALUES) {
        assert.equal(formatNumber(lang, value, options), intl.format(value), `${lang} ${JSON.stringify(options)} ${value}`);
      }
    }
  }
});

test('counts and already rounded percentages are written without building a formatter (no locale data on the way to a first chart)', () => {
  const Original = Intl.NumberFormat;
  let built = 0;
  const Counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.NumberFormat>) {
    built += 1;
    return new Original(...args);
  } as unknown as typeof Intl.NumberFormat;
  Intl.NumberFormat = Counting;
  try {
    assert.equal(formatNumber('fr', 12_831), '12\u202f831');
    assert.equal(formatNumber('en', 12_831), '12,831');
    assert.equal(formatNumber('fr', 28.5, { minimumFractionDigits: 1, maximumFractionDigits: 1 }), '28,5');
    assert.equal(formatNumber('fr', 26, { minimumFractionDigits: 0, maximumFractionDigits: 0 }), '26');
    assert.equal(built, 0);
    // A number that needs rounding is left to Intl, which rounds as readers expect (1.05 → 1,1).
    assert.equal(formatNumber('fr', 1.05, { maximumFractionDigits: 1 }), '1,1');
    assert.ok(built > 0);
  } finally {
    Intl.NumberFormat = Original;
  }
});
