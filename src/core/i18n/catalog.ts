import type { Lang } from '../schema/text.js';

/** Message parameters are interpolated into `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

/** A message is a template with `{name}` placeholders, or a function for plurals and the like. */
export type Message = string | ((params: MessageParams) => string);

export type Translate<K extends string> = (lang: Lang, key: K, params?: MessageParams) => string;

const PLACEHOLDER = /\{(\w+)\}/g;

function format(lang: Lang, message: Message, params: MessageParams): string {
  if (typeof message === 'function') return message(params);
  return message.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

/** Numbers as a French or English reader writes them (narrow no-break space as thousands separator in French). */
export function formatNumber(lang: Lang, value: number, options?: Intl.NumberFormatOptions): string {
  return writtenOut(lang, value, options) ?? formatterOf(lang, options).format(value);
}

/** The options {@link writtenOut} knows; any other leaves the number to `Intl`. */
const PLAIN_OPTIONS = new Set(['minimumFractionDigits', 'maximumFractionDigits', 'useGrouping']);

/**
 * A number that needs no rounding, written out as `Intl.NumberFormat` writes it in French
 * (`-1 234,5`, with narrow no-break spaces) or British English (`-1,234.5`). The first formatter a
 * page builds loads the locale's data, which costs tens of milliseconds on a slow phone, right
 * when a chart writes its first counts and percentages: these are whole numbers or already
 * rounded, and need none of it. Anything else (rounding, exponents, −0, other options) is
 * `undefined`, for `Intl` to write.
 */
function writtenOut(lang: Lang, value: number, options: Intl.NumberFormatOptions = {}): string | undefined {
  if (!Number.isFinite(value) || Object.is(value, -0) || Object.keys(options).some((key) => !PLAIN_OPTIONS.has(key))) return undefined;
  if (typeof (options.useGrouping ?? true) !== 'boolean') return undefined;
  const min = options.minimumFractionDigits ?? 0;
  const max = options.maximumFractionDigits ?? Math.max(min, 3);
  if (min > max) return undefined;
  const digits = String(Math.abs(value));
  if (digits.includes('e')) return undefined;
  const [whole = '', fraction = ''] = digits.split('.');
  if (fraction.length > max) return undefined;
  const [group, decimal] = lang === 'fr' ? ['\u202f', ','] : [',', '.'];
  const grouped = options.useGrouping === false ? whole : whole.replace(/\B(?=(\d{3})+$)/g, group);
  const decimals = fraction.padEnd(min, '0');
  return `${value < 0 ? '-' : ''}${grouped}${decimals ? decimal + decimals : ''}`;
}

/**
 * Building a formatter costs far more than using one (tens of times, more on a slow phone), and a
 * chart formats every label and tick with the same few options: each language and set of options
 * gets one formatter, made when first needed — never while a module loads.
 */
const formatters = new Map<string, Intl.NumberFormat>();

function formatterOf(lang: Lang, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = options === undefined ? lang : `${lang} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(localeOf(lang), options);
    formatters.set(key, formatter);
  }
  return formatter;
}

function localeOf(lang: Lang): string {
  return lang === 'fr' ? 'fr-FR' : 'en-GB';
}

/**
 * A typed catalogue: the English table must have exactly the keys of the French one,
 * so a missing translation is a compile error, not a blank on screen.
 *
 * ```ts
 * const t = createCatalog({ fr: { hello: 'Bonjour {name}' }, en: { hello: 'Hello {name}' } });
 * t('en', 'hello', { name: 'Rennes' });
 * ```
 */
export function createCatalog<const Fr extends Record<string, Message>>(tables: {
  fr: Fr;
  en: { [K in keyof Fr]: Message };
}): Translate<Extract<keyof Fr, string>> {
  return (lang, key, params = {}) => {
    const message = tables[lang][key] ?? tables.fr[key];
    return format(lang, message, params);
  };
}

/** Picks a supported language from a BCP 47 tag (`fr-FR`, `en`, `EN-gb`…); French otherwise. */
export function toLang(tag: string | null | undefined): Lang {
  return tag?.trim().toLowerCase().startsWith('en') ? 'en' : 'fr';
}
