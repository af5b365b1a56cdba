/**
 * Where an element's figures come from. Figures are read from `src` when set, else from
 * `publication`, else from `api`; a file's wording still comes from the publication or the API
 * when one is known.
 */
export interface FiguresSource {
  src?: string;
  publication?: string;
  api?: string;
}

/** A base URL without its trailing slashes, or `undefined` when blank. */
function baseOf(value: string | undefined): string | undefined {
  const trimmed = value?.trim().replace(/\/+$/, '');
  return trimmed || undefined;
}

/** The two places a source can be named: the element's own attributes, and its provider's. */
interface Bases {
  publication?: string | undefined;
  api?: string | undefined;
}

/**
 * The source in force for a `src` value: the element's own `publication` or `api` first, then
 * the provider's `publication` or `api` (an element's own setting wins over anything its provider
 * says). `undefined` when there is nothing to read from.
 */
export function sourceInForce(src: string | undefined, own: Bases, provider: Bases): FiguresSource | undefined {
  const ownPublication = baseOf(own.publication);
  const ownApi = baseOf(own.api);
  const providerPublication = baseOf(provider.publication);
  const providerApi = baseOf(provider.api);
  let base: FiguresSource = {};
  if (ownPublication) base = { publication: ownPublication };
  else if (ownApi) base = { api: ownApi };
  else if (providerPublication) base = { publication: providerPublication };
  else if (providerApi) base = { api: providerApi };
  if (src) return { src, ...base };
  return base.api || base.publication ? base : undefined;
}
