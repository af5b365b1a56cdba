import type { Lang } from '../core/schema/text.js';
import { sendEarly } from '../elements/shared/early-requests.js';
import { definitionUrl, parseList, resultsUrl } from '../elements/shared/results/results-query.js';
import { evolutionUrl } from '../elements/evolution/evolution-url.js';
import { mapResultsUrl } from '../elements/carte/map-query.js';
import { participationLevelUrl, participationUrl } from '../elements/participation/participation-url.js';
import { synthesisUrl } from '../elements/synthese/synthesis-url.js';

/**
 * The API requests an element's first render waits for, sent by the loader as soon as it sees
 * the tag, in parallel with the element's code (the element then takes the answers, see
 * `elements/shared/early-requests.ts`). Read from the attributes as the elements read them: the
 * element's own, then its `<barometre-provider>`'s. Only the plain cases are guessed — the API as
 * the source, every setting in attributes: anything else (a `src` file, a static publication, a
 * definition given as a property) is left to the element, and a wrong guess costs one unused
 * request, never a wrong figure.
 */

/** An attribute of the element, else of its provider; blank counts as absent. */
function setting(element: Element, name: string): string | undefined {
  const own = element.getAttribute(name)?.trim();
  if (own) return own;
  return element.closest('barometre-provider')?.getAttribute(name)?.trim() || undefined;
}

const withoutSlash = (url: string | undefined) => url?.replace(/\/+$/, '') || undefined;

/** The API base a chart reads its figures from, when it is the API: its own publication or API wins over its provider's. */
function figuresApiOf(element: Element): string | undefined {
  if (element.getAttribute('src')?.trim() || element.getAttribute('publication')?.trim()) return undefined;
  const own = element.getAttribute('api')?.trim();
  if (own) return withoutSlash(own);
  if (element.closest('barometre-provider')?.getAttribute('publication')?.trim()) return undefined;
  return withoutSlash(setting(element, 'api'));
}

/**
 * The language in force, as the elements resolve it (own attribute, provider's, nearest `lang`
 * in the page, French). Written out here: the shared helpers live in modules the loader must not
 * import, or the bundler splits them into a file the loader waits for before it runs.
 */
function langOf(element: Element): Lang {
  const own = element.getAttribute('lang');
  const tag = own || element.closest('barometre-provider[lang]')?.getAttribute('lang') || element.closest('[lang]')?.getAttribute('lang');
  return tag?.trim().toLowerCase().startsWith('en') ? 'en' : 'fr';
}

/** A weighting attribute, when it is one of the two known words (as `toPonderation`, without the context library it sits beside). */
function ponderationOf(value: string | undefined): 'brute' | 'redressee' | undefined {
  return value === 'brute' || value === 'redressee' ? value : undefined;
}

/** The weighting in force: the element's, else its provider's, else raw figures. */
function weightingOf(element: Element): 'brute' | 'redressee' {
  return (
    ponderationOf(element.getAttribute('ponderation') ?? undefined) ??
    ponderationOf(element.closest('barometre-provider')?.getAttribute('ponderation') ?? undefined) ??
    'brute'
  );
}

/**
 * A questionnaire's definition. Not one of the first requests: a questionnaire's first screen is
 * its identification step, which needs none; sent only for one that opens past it (`later-steps.ts`).
 */
export function sendDefinitionEarly(element: Element): void {
  if (element.getAttribute('src')?.trim()) return;
  const api = withoutSlash(setting(element, 'api'));
  const theme = element.getAttribute('theme')?.trim();
  if (api && theme) sendEarly(definitionUrl(api, theme), langOf(element));
}

function chart(element: Element): void {
  const api = figuresApiOf(element);
  const theme = element.getAttribute('theme')?.trim();
  const question = element.getAttribute('question')?.trim();
  if (!api || !theme || !question) return;
  const lang = langOf(element);
  const request = {
    theme,
    question,
    territoire: setting(element, 'territoire'),
    comparer: parseList(element.getAttribute('comparer')),
    ponderation: weightingOf(element),
  };
  sendEarly(resultsUrl(api, request), lang);
  sendEarly(definitionUrl(api, theme), lang);
}

/** A map's level as the element reads `niveau`: `region`, else `departement`. */
const levelOf = (element: Element) => (element.getAttribute('niveau')?.trim() === 'region' ? 'region' : 'departement');

/**
 * A map: a participation map's counts for its level, every theme at once; a results map's
 * question for its level, with the definition that words it.
 */
function map(element: Element): void {
  const api = figuresApiOf(element);
  const theme = element.getAttribute('theme')?.trim();
  if (!api || !theme) return;
  const lang = langOf(element);
  const niveau = levelOf(element);
  if (element.getAttribute('mesure')?.trim() === 'participation') {
    sendEarly(participationLevelUrl(api, niveau, element.getAttribute('edition')?.trim() || undefined), lang);
    return;
  }
  const question = element.getAttribute('question')?.trim();
  if (!question || !element.getAttribute('code')?.trim()) return;
  const ponderation = weightingOf(element);
  sendEarly(mapResultsUrl(api, { measure: 'resultats', niveau, theme, question, ponderation }), lang);
  sendEarly(definitionUrl(api, theme), lang);
}

/** A synthesis or a profile: one request for the territory's synthesis (France's without one). */
function synthesis(element: Element): void {
  const api = figuresApiOf(element);
  if (api) sendEarly(synthesisUrl(api, setting(element, 'territoire') ?? 'france'), langOf(element));
}

/** Participation: one request for the territory's counts (France's without one), when it reads the API. */
function participation(element: Element): void {
  const api = figuresApiOf(element);
  const edition = element.getAttribute('edition')?.trim() || undefined;
  if (api) sendEarly(participationUrl(api, setting(element, 'territoire') ?? 'france', edition), langOf(element));
}

/** An evolution: one request for the answer's share across editions, from the API only. */
function evolution(element: Element): void {
  const api = withoutSlash(setting(element, 'api'));
  const [theme, question, code] = ['theme', 'question', 'code'].map((name) => element.getAttribute(name)?.trim());
  if (!api || !theme || !question || !code) return;
  const territoire = setting(element, 'territoire');
  const ponderation = weightingOf(element);
  const request = { api, theme, question, code, ...(territoire ? { territoire } : {}), comparer: parseList(element.getAttribute('comparer')), ponderation };
  sendEarly(evolutionUrl(request), langOf(element));
}

const planners: Partial<Record<string, (element: Element) => void>> = {
  'barometre-territoire-chart': chart,
  'barometre-carte': map,
  'barometre-synthese': synthesis,
  'barometre-profil': synthesis,
  'barometre-participation': participation,
  'barometre-evolution': evolution,
};

/** Sends the first requests of one element whose code is not there yet. */
export function sendFirstRequests(element: Element): void {
  planners[element.localName]?.(element);
}
