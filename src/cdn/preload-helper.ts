/**
 * What each dynamic `import()` of a chunk goes through, in the loader and in the chunks
 * (`scripts/preload-helper.mjs` puts it in place of Vite's helper, and says what that one did
 * besides). Beside the import, the build lists the chunk and every chunk it imports however deep,
 * relative to the importing file: each is announced with a `<link rel="modulepreload">` before the
 * import starts, so that they all leave in one round. This copy announces a URL once; the page
 * fetches it once whoever announces it (its module map holds it).
 */

const announced = new Set<string>();

/**
 * Announces `chunks` (relative to `importerUrl`), then imports. Called as the build writes it:
 * `__vitePreload(() => import('./x.js'), __vite__mapDeps([…]), import.meta.url)`, `[]` or `void 0`
 * when there is nothing to announce.
 */
export function __vitePreload<T>(importChunk: () => Promise<T>, chunks: readonly string[] | undefined, importerUrl: string): Promise<T> {
  for (const chunk of chunks ?? []) {
    const href = new URL(chunk, importerUrl).href;
    if (announced.has(href)) continue;
    announced.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
  return importChunk();
}
