import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/questionnaire/define.js';

/**
 * The English sentences download only for an English page, and an English element draws nothing
 * in French meanwhile. A file of its own: a page that loaded them already would prove nothing.
 */
describe('<barometre-questionnaire> — English words on demand', () => {
  const original = window.fetch;
  afterEach(() => {
    window.fetch = original;
  });

  const englishWordsLoaded = () => performance.getEntriesByType('resource').some((entry) => /messages-en/.test(entry.name));

  it('a French page never downloads them; an English one draws its first screen in English', async () => {
    // The definition never comes: what is seen is the first screen.
    window.fetch = () => new Promise<Response>(() => undefined);
    const french = await fixture(html`<barometre-questionnaire api="https://api.barometre.test/api/v1" theme="cybersecurite" lang="fr"></barometre-questionnaire>`);
    expect(french.shadowRoot!.textContent).to.contain('Numéro SIRET');
    expect(englishWordsLoaded()).to.equal(false);

    const english = await fixture(html`<barometre-questionnaire api="https://api.barometre.test/api/v1" theme="cybersecurite" lang="en"></barometre-questionnaire>`);
    expect(english.shadowRoot!.textContent).to.contain('SIRET number');
    expect(english.shadowRoot!.textContent).to.not.contain('Numéro SIRET');
    expect(englishWordsLoaded()).to.equal(true);
  });
});
