import { expect } from '@open-wc/testing';
import { sendEarly, takeEarly } from '../../../src/elements/shared/early-requests.js';
import { globalFetch } from '../../../src/elements/shared/network.js';
import { heading } from '../helpers/dom.js';
import { installFakeApi, type FakeApi } from '../helpers/fake-api.js';
import { forgetDevice, mount } from '../helpers/questionnaire.js';
import { RENNES, testDefinition } from '../helpers/test-definition.js';

describe('<barometre-questionnaire> — the definition request', () => {
  let api: FakeApi;

  beforeEach(() => {
    forgetDevice();
    api = installFakeApi({ definitions: [testDefinition], collectivites: [RENNES] });
  });
  afterEach(() => api.uninstall());

  it('asks the API for its definition once, and shows the first step', async () => {
    const el = await mount({ theme: testDefinition.theme });
    expect(heading(el)).to.equal('Votre collectivité');
    const asked = api.requests.filter((request) => request.path === `/questionnaires/${testDefinition.theme}`);
    expect(asked.length).to.equal(1);
    expect(asked[0]!.headers.get('accept-language')).to.equal('fr');
  });
});

describe('early requests', () => {
  const original = window.fetch;
  let calls: { url: string; signal: AbortSignal | null | undefined; lang: string | null }[];
  let answer: (url: string) => Promise<Response>;
  const fr = { headers: { 'Accept-Language': 'fr' } };

  beforeEach(() => {
    calls = [];
    answer = async (url) => new Response(JSON.stringify({ url }));
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      calls.push({ url, signal: init?.signal, lang: new Headers(init?.headers).get('Accept-Language') });
      return answer(url);
    };
  });
  afterEach(() => {
    window.fetch = original;
  });

  it('sends the request at once and hands its answer to the first GET of that URL and language only', async () => {
    sendEarly('https://x.test/a', 'fr');
    sendEarly('https://x.test/a', 'fr');
    expect(calls.map((call) => [call.url, call.lang])).to.deep.equal([['https://x.test/a', 'fr']]);
    expect(await (await globalFetch('https://x.test/a', fr)).json()).to.deep.equal({ url: 'https://x.test/a' });
    expect(calls.length).to.equal(1);
    await globalFetch('https://x.test/a', fr);
    await globalFetch('https://x.test/b', fr);
    expect(calls.map((call) => call.url)).to.deep.equal(['https://x.test/a', 'https://x.test/a', 'https://x.test/b']);
  });

  it('is not handed to a request in another language, nor to one that sends a body', () => {
    sendEarly('https://x.test/lang', 'fr');
    expect(takeEarly('https://x.test/lang', { headers: { 'Accept-Language': 'en' } })).to.equal(undefined);
    expect(takeEarly('https://x.test/lang', { ...fr, method: 'POST', body: '{}' })).to.equal(undefined);
    expect(takeEarly('https://x.test/lang', fr)).to.not.equal(undefined);
  });

  it("lets the caller's signal cancel the request it is handed", async () => {
    answer = () => new Promise(() => undefined);
    sendEarly('https://x.test/slow', 'fr');
    const caller = new AbortController();
    const pending = globalFetch('https://x.test/slow', { ...fr, signal: caller.signal });
    caller.abort(new Error('timeout'));
    let error: unknown;
    try {
      await pending;
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).message).to.equal('timeout');
    expect(calls[0]!.signal?.aborted).to.equal(true);
  });
});
