import type { ServerConfig } from '../config.js';
import { portalIssuer } from './verify.js';
import { proconnectIssuer } from './server-attestation.js';
import type { TrustedIssuer } from './verify.js';

/** Every issuer whose attestations this server believes: the registered portals, and itself when ProConnect is configured. */
export function trustedIssuers(config: ServerConfig): TrustedIssuer[] {
  const issuers = config.portals.map(portalIssuer);
  if (config.oidc !== undefined) issuers.push(proconnectIssuer(config.oidc.clientSecret));
  return issuers;
}
