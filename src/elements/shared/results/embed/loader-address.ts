import type { EmbedSettings } from './snippet.js';

/** The public name of the script-tag build's loader, served under `/cdn/` by the reference server. */
export const LOADER_FILE = 'barometre-widgets.js';

/** An address made absolute against the page, as the element resolves it; `undefined` when it cannot be read. */
export function absolute(address: string | undefined, base = document.baseURI): string | undefined {
  if (!address) return undefined;
  try {
    return new URL(address, base).href;
  } catch {
    return undefined;
  }
}

function isLoader(address: string): boolean {
  try {
    return new URL(address).pathname.endsWith(`/${LOADER_FILE}`);
  } catch {
    return false;
  }
}

/**
 * Where the page got the script-tag build from: the loader's `<script src>`, else the loader among
 * the files the page downloaded (it may have been imported by another module). A page built with
 * a bundler has neither: the reference server serves the loader beside its API, at
 * `{origin}/cdn/barometre-widgets.js`. With a static publication and no loader, `undefined`.
 */
export function loaderAddress(api: string | undefined): string | undefined {
  for (const script of document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')) {
    if (isLoader(script.src)) return script.src;
  }
  const downloaded = performance.getEntriesByType('resource').find((entry) => isLoader(entry.name));
  if (downloaded) return downloaded.name;
  return api ? absolute(`/cdn/${LOADER_FILE}`, api) : undefined;
}

/** The settings with their addresses made absolute: a snippet is pasted on another site. */
export function withAbsoluteAddresses(settings: EmbedSettings): EmbedSettings {
  return {
    ...settings,
    api: absolute(settings.api),
    publication: absolute(settings.publication),
    src: absolute(settings.src),
  };
}
