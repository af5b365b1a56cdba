// A Vite plugin for the script-tag build: the loader gets its own copy of every module it imports
// statically (the early requests' table and URLs, the preload helper), so that no chunk ever
// imports the loader.
//
// Why: a chunk that imports `../barometre-widgets.js` binds to whatever loader the page holds
// under that URL. A browser may keep the loader of the release before (it is revalidated in the
// background, see the README's caching section); when that loader finds its release's chunks gone,
// it imports a fresh copy of itself under another URL (`src/cdn/hand-over.ts`), and the fresh
// copy's chunks must then link to the fresh copy's code, not to the stale loader's exports of
// another build. Chunks that share nothing with the loader need no loader at all. It also keeps a
// chunk's name from changing when only the loader did.
//
// The loader's own imports of element code stay dynamic `import()`s of the shared modules: only
// static imports are copied. The chunks take the originals from the chunk of Lit or of their
// element's kind, in the same files as before: a few hundred bytes gzip more on an element's first
// screen (the early requests, and the preload helper, which `preload-helper.mjs` keeps small), and
// a few hundred bytes less in the loader (no exports for chunks).
import { readFileSync } from 'node:fs';

const COPY = '?loader-copy';

/** @param {RegExp} entry the loader's source file */
export function loaderOwnCopies(entry) {
  const original = (id) => (id.endsWith(COPY) ? id.slice(0, -COPY.length) : id);
  /** @type {import('vite').Plugin} */
  return {
    name: 'loader-own-copies',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || options.kind !== 'import-statement') return null;
      if (!entry.test(importer) && !importer.endsWith(COPY)) return null;
      const resolved = await this.resolve(source, original(importer), { ...options, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      return `${resolved.id}${COPY}`;
    },
    async load(id) {
      if (!id.endsWith(COPY)) return null;
      const file = original(id);
      // Virtual modules (a bundler's helpers) have no file: their code is the original module's.
      if (file.startsWith('\0')) return (await this.load({ id: file })).code;
      return { code: readFileSync(file, 'utf8'), moduleType: file.endsWith('.ts') ? 'ts' : 'js' };
    },
    // A chunk group that matched a copy would undo all this quietly: the build says it instead.
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const imported = chunk.imports.filter((file) => bundle[file]?.type === 'chunk' && (chunk.isEntry || bundle[file].isEntry));
        if (imported.length > 0) this.error(`${chunk.fileName} imports ${imported.join(', ')}: the loader and the chunks must share no module.`);
      }
    },
  };
}
