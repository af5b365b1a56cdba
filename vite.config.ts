import { defineConfig } from 'vite';

/**
 * The script-tag build: one ES module entry, `dist/cdn/barometre-widgets.js`, that defines every
 * element; heavy parts (Chart.js, questionnaire definitions) are split into chunks beside it and
 * load only when an element needs them. Bundler users get the unbundled modules of `dist/lib`
 * instead (built by tsc), where dependencies stay imports.
 */
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    reportCompressedSize: false,
    modulePreload: false,
    rolldownOptions: {
      input: { 'barometre-widgets': 'src/index.ts' },
      // Keep the entry's exports: the script-tag build is also importable as a module.
      preserveEntrySignatures: 'exports-only',
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
