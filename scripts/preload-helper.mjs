// A Vite plugin for the script-tag build: the preload helper every dynamic import of a chunk calls
// is `src/cdn/preload-helper.ts`, not Vite's virtual module `\0vite/preload-helper.js`. The import
// Vite injects is resolved to that file before Vite's own plugins resolve it: from then on it is a
// source file like any other, put in Lit's chunk by the chunk groups and copied into the loader by
// `loader-own-copies.mjs`. The calls stay Vite's (`__vitePreload(() => import(…), deps,
// import.meta.url)`), and so do the dependency lists.
//
// Why: Vite's helper weighs about 0.7 kB gzip, and an element's first screen holds it twice (the
// loader's copy and the chunks'), for what this build never needs: stylesheets imported by chunks,
// a `base` other than './', a CSP nonce read from a `<meta property="csp-nonce">` (the policy the
// README gives allows scripts by origin), a `vite:preloadError` event (nothing listens to it: a
// chunk that fails to download fails its import, and the loader says so or hands over). Nor does
// the replacement set `crossorigin`: a module preload is fetched in CORS mode with same-origin
// credentials without it, as `import()` fetches the chunk, so the import finds it in the page's
// module map either way (a chunk served from another origin included).
import { resolve } from 'node:path';

const VITE_HELPER = '\0vite/preload-helper.js';

/** @param {string} file the helper's source file */
export function preloadHelper(file) {
  const helper = resolve(file);
  /** @type {import('vite').Plugin} */
  return {
    name: 'preload-helper',
    enforce: 'pre',
    resolveId(source) {
      return source === VITE_HELPER ? helper : null;
    },
  };
}
