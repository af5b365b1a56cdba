import { expect } from '@open-wc/testing';
import { __vitePreload } from '../../../src/cdn/preload-helper.js';

/**
 * The preload helper the build calls around each `import()` of a chunk. Whether the chunks then
 * leave in one round is the end-to-end first-round test's; here, what it writes in the page. The
 * "chunks" are source files the test server has, named relative to a file beside them as the build
 * names them, so that every preload finds what it asks for.
 */
const IMPORTER = new URL('../../../src/cdn/hand-over.ts', import.meta.url).href;
const at = (path: string) => new URL(path, IMPORTER).href;

const announced = () => [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) => link.href);

describe('the preload helper', () => {
  it('announces every chunk, resolved against the importing file, before the import starts', async () => {
    let seenByImport: string[] = [];
    const imported = await __vitePreload(
      () => {
        seenByImport = announced();
        return Promise.resolve('the module');
      },
      ['./later-steps.ts', '../core/api/draft-prefix.ts'],
      IMPORTER,
    );
    expect(imported).to.equal('the module');
    expect(seenByImport).to.include.members([at('./later-steps.ts'), at('../core/api/draft-prefix.ts')]);
  });

  it('announces a chunk once, however many imports need it', async () => {
    await __vitePreload(() => Promise.resolve(), ['./first-requests.ts'], IMPORTER);
    await __vitePreload(() => Promise.resolve(), ['./first-requests.ts', './early-chart-runtime.ts'], IMPORTER);
    const links = announced();
    expect(links.filter((href) => href === at('./first-requests.ts'))).to.have.length(1);
    expect(links.filter((href) => href === at('./early-chart-runtime.ts'))).to.have.length(1);
  });

  it('runs an import that needs no chunk announced, and passes its failure on', async () => {
    const before = announced().length;
    expect(await __vitePreload(() => Promise.resolve(1), [], IMPORTER)).to.equal(1);
    expect(await __vitePreload(() => Promise.resolve(2), undefined, IMPORTER)).to.equal(2);
    expect(announced()).to.have.length(before);
    const failure = new Error('chunk gone');
    let caught: unknown;
    await __vitePreload(() => Promise.reject(failure), ['./hand-over.ts'], IMPORTER).catch((error: unknown) => (caught = error));
    expect(caught).to.equal(failure);
  });
});
