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
  if (options !== undefined) return new Intl.NumberFormat(localeOf(lang), options).format(value);
  // Building a formatter costs far more than using one: the plain ones are kept.
  let formatter = plainFormatters.get(lang);
  if (!formatter) {
    formatter = new Intl.NumberFormat(localeOf(lang));
    plainFormatters.set(lang, formatter);
  }
  return formatter.format(value);
}

const plainFormatters = new Map<Lang, Intl.NumberFormat>();

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
