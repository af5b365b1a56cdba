/**
 * The link to a shared draft: the page's address with `#barometre-partage=<theme>.<siret>.<code>`.
 * A questionnaire of that theme reads it once and clears it from the address at once (as the
 * ProConnect return), so that neither a bookmark nor the back button keeps the code.
 */

const PREFIX = '#barometre-partage=';

/** What a shared draft's link holds. */
export interface ShareLink {
  siret: string;
  code: string;
}

/** The link's content if the address carries one for this theme, cleared from the address. */
export function takeShareLink(theme: string | undefined): ShareLink | undefined {
  const hash = globalThis.location?.hash ?? '';
  if (theme === undefined || !hash.startsWith(PREFIX)) return undefined;
  const [linkTheme, siret, code] = decodeURIComponent(hash.slice(PREFIX.length)).split('.');
  if (linkTheme !== theme || !/^\d{14}$/.test(siret ?? '') || !code) return undefined;
  history.replaceState(history.state, '', location.pathname + location.search);
  return { siret: siret!, code };
}

/** The address a colleague opens: this page, with the draft in its fragment. */
export function shareLinkOf(theme: string, siret: string, code: string): string {
  const here = new URL(location.href);
  here.hash = `${PREFIX.slice(1)}${theme}.${siret}.${code}`;
  return here.toString();
}
