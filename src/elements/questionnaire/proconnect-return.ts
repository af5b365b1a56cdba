/**
 * The way back from signing in with ProConnect: the server sends the browser to the page it came
 * from with `#barometre-attestation=<token>&siret=<siret>`, or `#barometre-error=<code>`. The
 * fragment is read once and cleared from the address at once, so that neither a bookmark, a
 * shared link nor the back button carries the token; it stays in the element's memory only.
 */
export function takeProConnectReturn(): { token?: string; error?: string } | undefined {
  const hash = globalThis.location?.hash ?? '';
  if (!/^#barometre-(attestation|error)=/.test(hash)) return undefined;
  const fields = new URLSearchParams(hash.slice(1));
  history.replaceState(history.state, '', location.pathname + location.search);
  return { token: fields.get('barometre-attestation') ?? undefined, error: fields.get('barometre-error') ?? undefined };
}
