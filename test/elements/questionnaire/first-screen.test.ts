import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/questionnaire/define.js';

/**
 * What the identification step costs before it shows: not the schema library (zod), which comes
 * with the API client once the step is painted, nor any `Intl` formatter, which the first screen
 * has nothing to format with. A file of its own: a page that already loaded either would prove
 * nothing.
 */
describe('<barometre-questionnaire> — the first screen', () => {
  const original = window.fetch;
  afterEach(() => {
    window.fetch = original;
  });

  it('shows the SIRET field without loading zod or building an Intl formatter', async () => {
    let formatters = 0;
    const { NumberFormat, DateTimeFormat } = Intl;
    const counted = <T extends object>(Constructor: T) =>
      new Proxy(Constructor, {
        construct(target, args) {
          formatters += 1;
          return Reflect.construct(target as unknown as new (...a: unknown[]) => object, args);
        },
      });
    Intl.NumberFormat = counted(NumberFormat);
    Intl.DateTimeFormat = counted(DateTimeFormat);
    // The definition never comes: everything seen is what shows before it.
    window.fetch = () => new Promise<Response>(() => undefined);
    try {
      const el = await fixture(html`<barometre-questionnaire api="https://api.barometre.test/api/v1" theme="cybersecurite" siret="21350238800019"></barometre-questionnaire>`);
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('form input');
      expect(input?.value).to.equal('213 502 388 00019');
      const scripts = performance.getEntriesByType('resource').map((entry) => entry.name);
      // The list holds the page's modules (Lit's among them), so zod's absence from it says something.
      expect(scripts.some((name) => /[/\\]lit-html[/\\]/.test(name))).to.equal(true);
      expect(scripts.filter((name) => /[/\\]zod[/\\]/.test(name))).to.deep.equal([]);
      expect(formatters).to.equal(0);
    } finally {
      Intl.NumberFormat = NumberFormat;
      Intl.DateTimeFormat = DateTimeFormat;
    }
  });
});
