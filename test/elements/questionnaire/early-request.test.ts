import { expect } from '@open-wc/testing';
import { withEarlyRequest } from '../../../src/elements/questionnaire/early-request.js';
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

describe('withEarlyRequest', () => {
  const original = window.fetch;
  let calls: { url: string; signal: AbortSignal | null | undefined }[];
  let answer: (url: string) => Promise<Response>;

  beforeEach(() => {
    calls = [];
    answer = async (url) => new Response(JSON.stringify({ url }));
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      calls.push({ url, signal: init?.signal });
      return answer(url);
    };
  });
  afterEach(() => {
    window.fetch = original;
  });

  it('sends the request at once and hands its answer to the first call for that URL only', async () => {
    const fetchEarly = withEarlyRequest('https://x.test/a', {});
    expect(calls.map((call) => call.url)).to.deep.equal(['https://x.test/a']);
    expect(await (await fetchEarly('https://x.test/a')).json()).to.deep.equal({ url: 'https://x.test/a' });
    expect(calls.length).to.equal(1);
    await fetchEarly('https://x.test/a');
    await fetchEarly('https://x.test/b');
    expect(calls.map((call) => call.url)).to.deep.equal(['https://x.test/a', 'https://x.test/a', 'https://x.test/b']);
  });

  it("lets the caller's signal cancel the request it is handed", async () => {
    answer = () => new Promise(() => undefined);
    const fetchEarly = withEarlyRequest('https://x.test/slow', {});
    const caller = new AbortController();
    const pending = fetchEarly('https://x.test/slow', { signal: caller.signal });
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

  it('is cancelled when the element gives up before anyone takes it', () => {
    const gaveUp = new AbortController();
    withEarlyRequest('https://x.test/c', {}, gaveUp.signal);
    gaveUp.abort();
    expect(calls[0]!.signal?.aborted).to.equal(true);
  });
});
