import { defineConfig } from 'vite';
import { inlineRuntime } from './scripts/inline-runtime.mjs';
import { loaderOwnCopies } from './scripts/loader-own-copies.mjs';
import { preloadHelper } from './scripts/preload-helper.mjs';

/**
 * The script-tag build: one small ES module entry, `dist/cdn/barometre-widgets.js`, that loads
 * each element's chunk when its tag appears in the page; heavy parts (Chart.js, questionnaire
 * definitions) are further chunks that load only when an element needs them. Bundler users get the unbundled modules of `dist/lib`
 * instead (built by tsc), where dependencies stay imports.
 */
export default defineConfig({
  plugins: [
    // The loader shares no module with the chunks, so that a fresh copy of it brings its own chunks.
    loaderOwnCopies(/src[\\/]cdn\.ts$/),
    // What every dynamic import of a chunk calls: a small helper of this build's own instead of
    // Vite's, in the loader and in Lit's chunk alike.
    preloadHelper('src/cdn/preload-helper.ts'),
    // The bundler's runtime in each chunk that uses it: not a file of a first round of its own.
    inlineRuntime(),
  ],
  publicDir: false,
  // Chunks are found relative to the entry, wherever a site hosts the files.
  base: './',
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    reportCompressedSize: false,
    // Fetch an element's chunk and every chunk it imports in one round once its tag is seen (the
    // loader's dynamic imports list them); no polyfill: every target browser has modulepreload.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: { 'barometre-widgets': 'src/cdn.ts' },
      // Keep the entry's exports (the script-tag build is also importable as a module). It shares
      // no module with the chunks (see the plugins above): it holds its own copies of the preload
      // helper and the early requests' table and URLs, so it imports no chunk before it runs, and no
      // chunk imports it.
      preserveEntrySignatures: 'allow-extension',
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        codeSplitting: {
          groups: [
            {
              // What the figures elements (chart, key figure, map) draw their first frame with and
              // the questionnaire never imports: one file rather than a dozen in a chart's first
              // round. The chart's modules that Chart.js's chunk shares with the element's ride
              // along (1.5 kB gzip), else they would be one more file of their own.
              name: 'figures',
              test: /src[\\/](elements[\\/](shared[\\/](results[\\/](results-controller|load-results|unverified|results-shape|definition-shape|static-publication|results-element|figures-element|figure-shell|shown-figures|status-view|results-styles|share-table|share-csv|csv|coverage-notes|precision|table-region|toolbar|save-file|embed-action|figures-source|messages|percent|wording|load-error|results-query)|near-viewport-controller|configured-element|fetch-contract|chart[\\/](patterns|palette|series-slots|text-wrap))|territoire-chart[\\/]messages|participation[\\/]participation-url)|core[\\/]stats[\\/]margin)\.ts$/,
              includeDependenciesRecursively: false,
            },
            {
              // How elements talk to the API, in a figure's first screen and a questionnaire's later
              // steps alike, with the two tiny modules both read besides (a territory's element
              // name, a definition's index of questions): one file rather than four.
              name: 'api',
              test: /src[\\/](core[\\/](api[\\/](messages|http)|questionnaire[\\/]question-index)|elements[\\/]shared[\\/](publication-date|request-task|territory-element))\.ts$|node_modules[\\/]@lit[\\/]task[\\/]/,
              includeDependenciesRecursively: false,
            },
            {
              // Lit and what every element's first screen imports besides (the questionnaire's
              // and the figures'): tiny modules, each a file and a request of its own otherwise,
              // the preload helper and the early requests' table with the answers it keeps read
              // among them (the loader has copies of its own).
              name: 'lit',
              test: /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element|@lit[\\/]context)[\\/]|src[\\/]elements[\\/]shared[\\/](tokens|barometre-element|config-context|config-controller|define|events|lang|lazy|network|after-paint)\.ts|src[\\/]core[\\/](i18n[\\/](catalog|typography)|api[\\/]errors)\.ts|src[\\/]questionnaires[\\/]index\.ts|@oxc-project\+runtime@[^/]+\/helpers\/esm\/decorate\.js|src[\\/]elements[\\/]shared[\\/](early-requests|read-answer)\.ts$|src[\\/]cdn[\\/]preload-helper\.ts$/,
              // Not what they import: that stays with the elements that need it.
              includeDependenciesRecursively: false,
            },
            {
              // The questionnaire's first screen in one file: the element and everything it imports
              // that the groups above have not taken (groups take modules in this order), its later
              // steps' shared modules and the SIRET checks among them: beside Lit's, the only file of
              // its first round (the bundler's runtime is copied in, see the plugins). A loopback
              // round of six files took longer than one of two in this browser, mostly in opening
              // connections. The later steps import from it, which costs nothing: they load after
              // it. So does the zod errors' wording (`errors`, for the SIRET's words), which a
              // figures element loads only when an answer breaks the contract.
              name: 'questionnaire-element',
              test: /src[\\/]elements[\\/]questionnaire[\\/]define\.ts$/,
              includeDependenciesRecursively: true,
            },
          ],
        },
        // Name each element's chunk after its folder, so a network panel says what is loading.
        chunkFileNames: (chunk) => {
          const element = chunk.facadeModuleId?.match(/elements\/([\w-]+)\/define\.ts$/)?.[1];
          return element ? `chunks/${element}-[hash].js` : 'chunks/[name]-[hash].js';
        },
      },
    },
  },
});
