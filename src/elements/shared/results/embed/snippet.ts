/**
 * The HTML that puts a figure on another page: the script tag of the script-tag build and the
 * element, with every attribute that decides what it shows. A pure function of plain values, so
 * that the "Intégrer" action of the elements and the demo site's configurator write the same
 * snippet for the same figure.
 */

/** The elements a snippet can reproduce. */
export type EmbedTag = 'barometre-territoire-chart' | 'barometre-indicateur' | 'barometre-carte' | 'barometre-evolution';

/**
 * What an element shows, as values in force (an element's own attribute, else its provider's,
 * else its default), already read the way the element reads them. Addresses should be absolute:
 * a snippet is pasted on another site.
 */
export interface EmbedSettings {
  api?: string;
  publication?: string;
  src?: string;
  /** What the map colours: `resultats` or `participation`. */
  mesure?: string;
  theme?: string;
  question?: string;
  /** The answer counted (key figure, map, evolution). */
  code?: string;
  territoire?: string;
  /** The map's level. */
  niveau?: string;
  /** The comparison series, in the order asked; an empty list asks for none. */
  comparer?: readonly string[];
  /** The chart's layout, or the kind of collectivité a participation map counts. */
  type?: string;
  base?: string;
  ponderation?: string;
  /** The edition a participation map counts. */
  edition?: string;
  /** The map's fixed class bounds, in percent. */
  seuils?: readonly number[];
  decimales?: number;
  lang?: string;
}

/** What {@link embedSnippet} writes. */
export interface SnippetInput {
  tag: EmbedTag;
  /** The address of the script-tag build's loader; without it, no script tag is written. */
  script?: string;
  settings: EmbedSettings;
}

type Name = keyof EmbedSettings;

/** Every attribute in the one order snippets write them: the source, what is shown, then how. */
const ORDER: readonly Name[] = [
  'api',
  'publication',
  'src',
  'mesure',
  'theme',
  'question',
  'code',
  'territoire',
  'niveau',
  'comparer',
  'type',
  'base',
  'ponderation',
  'edition',
  'seuils',
  'decimales',
  'lang',
];

const COMMON: readonly Name[] = ['api', 'publication', 'src', 'theme', 'question', 'territoire', 'ponderation', 'decimales', 'lang'];

/** The attributes each element reads. */
const ATTRIBUTES: Record<EmbedTag, ReadonlySet<Name>> = {
  'barometre-territoire-chart': new Set([...COMMON, 'comparer', 'type', 'base']),
  'barometre-indicateur': new Set([...COMMON, 'code', 'comparer', 'base']),
  'barometre-carte': new Set([...COMMON, 'mesure', 'code', 'niveau', 'type', 'edition', 'seuils']),
  // Editions are read from the API only: no static publication nor file holds them together.
  'barometre-evolution': new Set(['api', 'theme', 'question', 'code', 'territoire', 'comparer', 'ponderation', 'decimales', 'lang']),
};

/**
 * What an element does without the attribute: left out of the snippet. The language has no
 * default here: without it an element speaks the language of the page it is pasted in.
 */
const DEFAULTS: Partial<Record<Name, string>> = {
  type: 'barres',
  base: 'concernees',
  ponderation: 'brute',
  niveau: 'departement',
  decimales: '0',
};

/** What an element does without the attribute when it differs from other elements: a map's `type` is a kind of collectivité. */
const TAG_DEFAULTS: Partial<Record<EmbedTag, Partial<Record<Name, string>>>> = {
  'barometre-carte': { mesure: 'resultats', type: 'commune' },
};

/** The comparisons an element makes without a `comparer` attribute. */
const DEFAULT_COMPARER: Record<EmbedTag, string> = {
  'barometre-territoire-chart': '',
  'barometre-indicateur': 'france',
  'barometre-carte': '',
  'barometre-evolution': '',
};

/** Beyond this, an element's opening tag is written one attribute per line. */
const LINE_LENGTH = 100;

/** A value made safe between double quotes in HTML: `&`, `"`, `<` and `>` as character references. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute's value as written, or `undefined` when it is left out. */
function valueOf(tag: EmbedTag, name: Name, settings: EmbedSettings): string | undefined {
  const value = settings[name];
  if (value === undefined) return undefined;
  if (name === 'comparer') {
    const list = (value as readonly string[]).join(' ');
    // An empty list is written when the element would otherwise compare (a key figure with France).
    return list === DEFAULT_COMPARER[tag] ? undefined : list;
  }
  const text = Array.isArray(value) ? value.join(' ') : String(value).trim();
  const fallback = TAG_DEFAULTS[tag]?.[name] ?? DEFAULTS[name];
  if (text === '' || text === fallback) return undefined;
  return text;
}

/** The element's attributes as written, in the snippets' order. */
export function embedAttributes(tag: EmbedTag, settings: EmbedSettings): [string, string][] {
  const read = ATTRIBUTES[tag];
  const attributes: [string, string][] = [];
  for (const name of ORDER) {
    if (!read.has(name)) continue;
    const value = valueOf(tag, name, settings);
    if (value !== undefined) attributes.push([name, value]);
  }
  return attributes;
}

/**
 * The snippet: the loader's script tag (when its address is known) on a line of its own, then
 * the element with its attributes in a stable order, values escaped for HTML, defaults left out.
 * A short opening tag stays on one line; a long one has an attribute per line.
 */
export function embedSnippet({ tag, script, settings }: SnippetInput): string {
  const attributes = embedAttributes(tag, settings).map(([name, value]) => `${name}="${escapeAttribute(value)}"`);
  const inline = `<${tag}${attributes.map((attribute) => ` ${attribute}`).join('')}></${tag}>`;
  const element =
    inline.length <= LINE_LENGTH ? inline : `<${tag}\n${attributes.map((attribute) => `  ${attribute}\n`).join('')}></${tag}>`;
  return script ? `<script type="module" src="${escapeAttribute(script)}"></script>\n${element}` : element;
}
