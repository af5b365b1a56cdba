import { expect } from '@open-wc/testing';
// Lit announces its development build once, on first import: let that happen before console.warn is watched.
import 'lit';
import { defineElement } from '../../../src/elements/shared/define.js';

const TAGS = [
  'barometre-provider',
  'barometre-questionnaire',
  'barometre-territoire-chart',
  'barometre-indicateur',
  'barometre-carte',
  'barometre-territoire-select',
  'barometre-synthese',
  'barometre-profil',
  'barometre-participation',
] as const;

let counter = 0;
const freeTag = () => `define-test-${++counter}`;

/** Replaces console.warn and console.error with recorders until `restore()`. */
function watchConsole() {
  const original = { warn: console.warn, error: console.error };
  const warnings: unknown[][] = [];
  const errors: unknown[][] = [];
  console.warn = (...args: unknown[]) => void warnings.push(args);
  console.error = (...args: unknown[]) => void errors.push(args);
  return {
    warnings,
    errors,
    restore() {
      console.warn = original.warn;
      console.error = original.error;
    },
  };
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms)),
  ]);
}

describe('defineElement', () => {
  let console_: ReturnType<typeof watchConsole>;
  beforeEach(() => {
    console_ = watchConsole();
  });
  afterEach(() => console_.restore());

  it('registers a constructor under a free tag', () => {
    const tag = freeTag();
    class Free extends HTMLElement {}
    expect(customElements.get(tag)).to.equal(undefined);

    defineElement(tag, Free);

    expect(customElements.get(tag)).to.equal(Free);
    expect(document.createElement(tag)).to.be.instanceOf(Free);
    expect(console_.warnings).to.have.length(0);
  });

  it('says nothing when the same constructor is defined again', () => {
    const tag = freeTag();
    class Twice extends HTMLElement {}
    defineElement(tag, Twice);

    expect(() => defineElement(tag, Twice)).not.to.throw();
    expect(() => defineElement(tag, Twice)).not.to.throw();

    expect(customElements.get(tag)).to.equal(Twice);
    expect(console_.warnings).to.have.length(0);
    expect(console_.errors).to.have.length(0);
  });

  it('keeps another constructor already under the tag, with one warning naming it', () => {
    const tag = freeTag();
    class Existing extends HTMLElement {}
    class Ours extends HTMLElement {}
    customElements.define(tag, Existing);

    expect(() => defineElement(tag, Ours)).not.to.throw();

    expect(customElements.get(tag)).to.equal(Existing);
    expect(document.createElement(tag)).to.be.instanceOf(Existing);
    expect(console_.warnings).to.have.length(1);
    expect(String(console_.warnings[0]![0])).to.include(`<${tag}>`);
    expect(console_.errors).to.have.length(0);
  });
});

describe('the script-tag loader (src/cdn.ts) beside a foreign <barometre-indicateur>', () => {
  class ForeignIndicateur extends HTMLElement {}
  const placed: Element[] = [];

  after(() => placed.forEach((element) => element.remove()));

  it('loads the other elements, keeps the foreign one and warns once', async () => {
    for (const tag of TAGS) expect(customElements.get(tag), `${tag} is free before the loader`).to.equal(undefined);
    customElements.define('barometre-indicateur', ForeignIndicateur);
    // Tags already in the page: the loader's watcher must find them on its own.
    for (const tag of ['barometre-indicateur', 'barometre-provider']) {
      placed.push(document.body.appendChild(document.createElement(tag)));
    }

    const console_ = watchConsole();
    try {
      const cdn = await import('../../../src/cdn.js');
      await within(customElements.whenDefined('barometre-provider'), 8000, 'the watcher loading <barometre-provider>');
      await within(cdn.loadAll(), 8000, 'loadAll()');
      // A second call finds everything loaded and says nothing more.
      await cdn.loadAll();

      for (const tag of TAGS.filter((tag) => tag !== 'barometre-indicateur')) {
        const defined = customElements.get(tag);
        expect(defined, `${tag} is defined`).to.be.a('function');
        expect(defined!.prototype, `${tag} is a Baromètre element`).to.be.instanceOf(HTMLElement);
        expect(defined).not.to.equal(ForeignIndicateur);
      }
      expect(customElements.get('barometre-indicateur')).to.equal(ForeignIndicateur);
      expect(placed[0]).to.be.instanceOf(ForeignIndicateur);
      expect(placed[1]).to.be.instanceOf(customElements.get('barometre-provider')!);

      expect(console_.warnings, 'console.warn calls').to.have.length(1);
      expect(String(console_.warnings[0]![0])).to.include('<barometre-indicateur>');
      expect(console_.errors, 'console.error calls (a chunk that failed to load)').to.have.length(0);
    } finally {
      console_.restore();
    }
  });
});
