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

  it('hands over an answer already read: its body comes without waiting a task, with its status and headers', async () => {
    answer = async () => new Response('{"error":"indisponible"}', { status: 503, statusText: 'Service Unavailable', headers: { 'Retry-After': '7' } });
    sendEarly('https://x.test/read', 'fr');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const response = await globalFetch('https://x.test/read', fr);
    let taskRan = false;
    setTimeout(() => (taskRan = true));
    expect(await response.json()).to.deep.equal({ error: 'indisponible' });
    expect(await response.text()).to.equal('{"error":"indisponible"}');
    expect(taskRan).to.equal(false);
    expect([response.status, response.statusText, response.ok, response.headers.get('Retry-After')]).to.deep.equal([503, 'Service Unavailable', false, '7']);
  });

  it('hands over an answer without a body as one, and a body cut short as the failure it is', async () => {
    answer = async (url) =>
      url.endsWith('/empty')
        ? new Response(null, { status: 204 })
        : new Response(new ReadableStream({ start: (controller) => controller.error(new TypeError('connection reset')) }));
    sendEarly('https://x.test/empty', 'fr');
    sendEarly('https://x.test/cut', 'fr');
    const empty = await globalFetch('https://x.test/empty', fr);
    expect([empty.status, await empty.text()]).to.deep.equal([204, '']);
    let error: unknown;
    try {
      await globalFetch('https://x.test/cut', fr);
    } catch (caught) {
      error = caught;
    }
    // The browser words a body cut short its own way ("Failed to fetch"), as it would for the element reading it.
    expect(error).to.be.instanceOf(TypeError);
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
