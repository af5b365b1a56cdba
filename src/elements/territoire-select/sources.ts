import type { Lang } from '../../core/schema/text.js';
import { apiTerritorySource } from './api-source.js';
import type { TerritorySource } from './territory-source.js';

/** Where the referential's browser artefacts are when nothing says otherwise: `/referential/` on the page's own server. */
export function defaultReferentialUrl(): string {
  return new URL('/referential/', window.location.href).href;
}

/**
 * The referential source, loaded on first use: a page whose pickers search through the API never
 * downloads the artefact client.
 */
function lazyReferentialSource(baseUrl: string): TerritorySource {
  let loading: Promise<TerritorySource> | undefined;
  const source = () => {
    if (!loading) {
      const pending = import('./referential-source.js').then((module) => module.referentialTerritorySource(baseUrl));
      loading = pending;
      // A chunk that failed to download may be fetched again at the next search.
      pending.catch(() => {
        if (loading === pending) loading = undefined;
      });
    }
    return loading;
  };
  return {
    search: async (text, kinds, signal) => (await source()).search(text, kinds, signal),
    territory: async (id, signal) => (await source()).territory(id, signal),
  };
}

/** What decides the source; two equal settings share one source. */
export interface SourceSettings {
  /** The element's own `referentiel` attribute: when set, it wins over an API. */
  referentiel?: string | undefined;
  /** The API in force (own attribute or provider's), without a trailing slash. */
  api?: string | undefined;
  lang: Lang;
}

/** The key of a source: the same key, the same source (and its caches). */
export function sourceKey(settings: SourceSettings): string {
  if (settings.referentiel) return `referentiel ${settings.referentiel}`;
  if (settings.api) return `api ${settings.api} ${settings.lang}`;
  return 'referentiel';
}

/** A source for these settings: the artefacts named by `referentiel`, else the API, else the page's own `/referential/`. */
export function createSource(settings: SourceSettings): TerritorySource {
  if (settings.referentiel) return lazyReferentialSource(settings.referentiel);
  if (settings.api) return apiTerritorySource(settings.api, settings.lang);
  return lazyReferentialSource(defaultReferentialUrl());
}
