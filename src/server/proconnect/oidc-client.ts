import * as client from 'openid-client';
import type { OidcSettings } from '../config.js';

/**
 * The OpenID Connect client of the ProConnect sign-in, through `openid-client`. The provider's
 * metadata is discovered once, when the first agent signs in, and kept; a failed discovery is
 * tried again at the next sign-in.
 */

/** The path the provider sends the browser back to. */
export const CALLBACK_PATH = '/api/v1/auth/proconnect/callback';

/** What is asked of the provider: the agent's organisation SIRET and e-mail. */
export const SCOPES = 'openid email siret';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export class ProConnectClient {
  readonly #settings: OidcSettings;
  #configuration: Promise<client.Configuration> | undefined;

  constructor(settings: OidcSettings) {
    this.#settings = settings;
  }

  get redirectUri(): string {
    return `${this.#settings.publicUrl}${CALLBACK_PATH}`;
  }

  configuration(): Promise<client.Configuration> {
    if (this.#configuration === undefined) {
      const issuer = new URL(this.#settings.issuer);
      // Plain HTTP only for a provider on this machine (development and tests).
      const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
      this.#configuration = client
        .discovery(issuer, this.#settings.clientId, this.#settings.clientSecret, undefined, insecure ? { execute: [client.allowInsecureRequests] } : {})
        .catch((error: unknown) => {
          this.#configuration = undefined;
          throw error;
        });
    }
    return this.#configuration;
  }

  /** Where to send the agent, and what to remember until they come back. */
  async start(): Promise<{ url: URL; verifier: string; state: string; nonce: string }> {
    const configuration = await this.configuration();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: SCOPES,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, verifier, state, nonce };
  }

  /** Exchanges the code the provider sent back; the agent's claims (ID token, completed by the userinfo endpoint). */
  async finish(callbackUrl: URL, expected: { verifier: string; state: string; nonce: string }): Promise<Record<string, unknown>> {
    const configuration = await this.configuration();
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: expected.verifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
    const claims: Record<string, unknown> = { ...tokens.claims() };
    // ProConnect gives the organisation's SIRET in the ID token or at the userinfo endpoint.
    if (claims.siret === undefined) {
      const info = await client.fetchUserInfo(configuration, tokens.access_token, String(claims.sub));
      return { ...info, ...claims, siret: info.siret };
    }
    return claims;
  }
}
