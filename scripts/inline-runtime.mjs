// A Vite plugin for the script-tag build: the bundler's runtime (its helper that builds a module's
// namespace object, about 150 bytes) is written into each chunk that uses it instead of being a
// file of its own that they import.
//
// Why: the questionnaire's chunk uses it (the loader's `import()` of the element receives a
// namespace, which the bundler builds with the helper), so the file was one more request in the
// questionnaire's first round, and over HTTP/1.1 one more connection, for 158 bytes. On a fast
// network a first round's files cost by their number more than by their bytes: the identification
// step showed about 8 ms sooner with one file fewer (122 → 114 ms on loopback, 45 loads each,
// interleaved). A dozen copies of the helper weigh less than that file's headers.
//
// Done before Vite lists each dynamic import's chunks for the preload helper, which then no
// longer names the runtime. The import statement is blanked with as many spaces (the columns of
// the code after it stay those its source map gives) and the copy goes on a line of its own above
// everything, which the source map skips.
import { dirname, posix } from 'node:path';

const RUNTIME = '\0rolldown/runtime.js';
const IMPORT = /import\s*\{([^}]*)\}\s*from\s*["']([^"']+)["'];?/g;
const EXPORT = /export\s*\{([^}]*)\};?\s*(?:\/\/# sourceMappingURL=\S*\s*)?$/;

/** `a as b, c` as `[['a', 'b'], ['c', 'c']]`. */
function specifiers(list) {
  return list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const [name, local = name] = item.split(/\s+as\s+/);
      return [name, local];
    });
}

export function inlineRuntime() {
  /** @type {import('vite').Plugin} */
  return {
    name: 'inline-runtime',
    // The copy changes a chunk's code after its name's hash was computed: every name takes this
    // into its hash, so that no file keeps the name of a build without the copy (a browser that
    // had kept that one would still ask for the runtime's file).
    augmentChunkHash: () => 'runtime copied in',
    generateBundle: {
      order: 'pre',
      handler(_options, bundle) {
        for (const runtime of Object.values(bundle)) {
          if (runtime.type !== 'chunk' || runtime.moduleIds.length !== 1 || runtime.moduleIds[0] !== RUNTIME) continue;
          const exported = EXPORT.exec(runtime.code);
          if (!exported || runtime.imports.length > 0) this.error(`${runtime.fileName}: the bundler's runtime no longer has the shape this plugin copies.`);
          const body = runtime.code.slice(0, exported.index).trim().replace(/;?$/, ';');
          const exports = specifiers(exported[1]).map(([local, name]) => `${name}:${local}`);
          for (const chunk of Object.values(bundle)) {
            if (chunk.type !== 'chunk' || !chunk.imports.includes(runtime.fileName)) continue;
            let copy;
            const code = chunk.code.replace(IMPORT, (statement, list, from) => {
              if (posix.join(dirname(chunk.fileName), from) !== runtime.fileName) return statement;
              const bindings = specifiers(list).map(([name, local]) => `${name}:${local}`);
              copy = `var{${bindings.join(',')}}=(()=>{${body}return{${exports.join(',')}}})();`;
              return ' '.repeat(statement.length);
            });
            if (copy === undefined) this.error(`${chunk.fileName} imports ${runtime.fileName} in a way this plugin does not know.`);
            chunk.code = `${copy}\n${code}`;
            if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
            chunk.imports = chunk.imports.filter((file) => file !== runtime.fileName);
          }
          delete bundle[runtime.fileName];
          delete bundle[`${runtime.fileName}.map`];
        }
      },
    },
  };
}
