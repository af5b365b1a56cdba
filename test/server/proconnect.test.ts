import assert from 'node:assert/strict';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import { loadConfig } from '../../src/server/config.js';
import { cyberSubmission, json, onStore, putContribution, RENNES_SIRET, startServer, type TestServer } from './helpers.js';

/**
 * The ProConnect sign-in end to end: a real OpenID provider (`oidc-provider`) on the loopback,
 * whose one agent works for Rennes and signs in without a form, the API's real OpenID client,
 * and a browser played with `fetch`, following redirects and keeping cookies.
 */

const CLIENT_ID = 'barometre-test';
const CLIENT_SECRET = 'a-client-secret-for-the-tests-0123456789';
const AGENT = { id: 'agent-rennes', email: 'agent@rennes.example', siret: RENNES_SIRET };

/** A port free right now, for a server whose address must be known before it starts (its redirect URI is registered with the provider). */
async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Starts the provider on a random port; its interactions sign the agent in and grant what is asked, at once. */
async function startProvider(redirectUri: string): Promise<{ issuer: string; server: Server }> {
  const server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'test', alg: 'RS256', use: 'sig' }] },
    scopes: ['openid', 'email', 'siret'],
    claims: { openid: ['sub'], email: ['email'], siret: ['siret'] },
    // The organisation's SIRET in the ID token itself, as the API reads it first.
    conformIdTokenClaims: false,
    findAccount: async (_context, id) => ({ accountId: id, claims: async () => ({ sub: id, email: AGENT.email, siret: AGENT.siret }) }),
    interactions: { url: (_context, interaction) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['a-cookie-key-for-the-tests'] },
  });
  const handle = provider.callback();
  server.on('request', (request, response) => {
    if (!request.url?.startsWith('/interaction/')) return void handle(request, response);
    void (async () => {
      const details = await provider.interactionDetails(request, response);
      const grant = new provider.Grant({ accountId: AGENT.id, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(request, response, { login: { accountId: AGENT.id }, consent: { grantId } }, { mergeWithLastSubmission: false });
    })().catch((error: unknown) => {
      response.statusCode = 500;
      response.end(String(error));
    });
  });
  return { issuer, server };
}

/** A browser: follows redirects, keeps cookies per host, stops at a page of `stopAt`'s origin. */
async function browse(start: string, stopAt: string): Promise<URL> {
  const jar = new Map<string, Map<string, string>>();
  let url = new URL(start);
  for (let hop = 0; hop < 20; hop++) {
    if (url.origin === stopAt && hop > 0 && !url.pathname.startsWith('/api/')) return url;
    const cookies = jar.get(url.host) ?? new Map<string, string>();
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      if (/max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line)) cookies.delete(name!.trim());
      else cookies.set(name!.trim(), value.join('='));
    }
    jar.set(url.host, cookies);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || location === null) {
      throw new Error(`The sign-in stopped at ${url.href}: ${response.status} ${await response.text()}`);
    }
    url = new URL(location, url);
  }
  throw new Error('Too many redirects');
}

describe('ProConnect settings', () => {
  test('all four variables or none, the secret never repeated', () => {
    assert.equal(loadConfig({}).oidc, undefined);
    const settings = {
      BAROMETRE_OIDC_ISSUER: 'https://auth.agentconnect.gouv.fr/api/v2',
      BAROMETRE_OIDC_CLIENT_ID: 'barometre',
      BAROMETRE_OIDC_CLIENT_SECRET: 'a-secret-of-the-deployment-42',
      BAROMETRE_PUBLIC_URL: 'https://barometre.example.org/',
    };
    assert.deepEqual(loadConfig(settings).oidc, {
      issuer: settings.BAROMETRE_OIDC_ISSUER,
      clientId: 'barometre',
      clientSecret: settings.BAROMETRE_OIDC_CLIENT_SECRET,
      publicUrl: 'https://barometre.example.org',
    });
    assert.throws(
      () => loadConfig({ ...settings, BAROMETRE_OIDC_CLIENT_ID: undefined, BAROMETRE_PUBLIC_URL: undefined }),
      (error: Error) => /needs BAROMETRE_OIDC_CLIENT_ID, BAROMETRE_PUBLIC_URL/.test(error.message) && !error.message.includes(settings.BAROMETRE_OIDC_CLIENT_SECRET),
    );
    assert.throws(() => loadConfig({ ...settings, BAROMETRE_OIDC_CLIENT_SECRET: 'short' }), (error: Error) => !error.message.includes('short') && /at least 16/.test(error.message));
  });
});

describe(onStore('ProConnect sign-in'), () => {
  let server: TestServer;
  let provider: Server;
  let publicUrl: string;

  before(async () => {
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    const started = await startProvider(`${publicUrl}/api/v1/auth/proconnect/callback`);
    provider = started.server;
    server = await startServer(
      { oidc: { issuer: started.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, publicUrl } },
      {},
      undefined,
      { port, awaitPublication: false },
    );
  });
  after(async () => {
    await server.close();
    provider.closeAllConnections();
    await new Promise((resolve) => provider.close(resolve));
  });

  test('the configuration endpoint offers the sign-in', async () => {
    const config = await json(await fetch(`${server.url}/api/v1/config`));
    assert.deepEqual(config.body.proconnect, { enabled: true, loginUrl: '/api/v1/auth/proconnect/login' });
    assert.deepEqual(config.body.attestation, { enabled: true });
  });

  test('an agent signs in, comes back with an attestation for their organisation, and submits a verified contribution', async () => {
    const page = `${publicUrl}/questionnaire.html`;
    const back = await browse(`${server.url}/api/v1/auth/proconnect/login?return_to=${encodeURIComponent(page)}`, publicUrl);
    assert.equal(`${back.origin}${back.pathname}`, page);
    const fragment = new URLSearchParams(back.hash.slice(1));
    assert.equal(fragment.get('siret'), RENNES_SIRET, back.hash);
    const attestation = fragment.get('barometre-attestation');
    assert.ok(attestation);

    const created = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', { ...cyberSubmission(), attestation }));
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.verification, 'verified');
    assert.equal(created.body.verifiedBy, 'proconnect');
    // It serves once, like a portal's.
    const again = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', { ...cyberSubmission(), attestation }));
    assert.equal(again.body.error, 'attestation_replayed');
  });

  test('the sign-in goes back only to sites allowed to embed the questionnaire, and needs its cookie', async () => {
    const elsewhere = await json(
      await fetch(`${server.url}/api/v1/auth/proconnect/login?return_to=${encodeURIComponent('https://evil.example/')}`, { redirect: 'manual' }),
    );
    assert.equal(elsewhere.status, 400);
    const noCookie = await json(await fetch(`${server.url}/api/v1/auth/proconnect/callback?code=x&state=y`, { redirect: 'manual' }));
    assert.equal(noCookie.status, 400);
    assert.equal(noCookie.body.error, 'bad_request');
  });
});
