/**
 * Where the "Se connecter avec ProConnect" link goes: the server's sign-in, told to come back to
 * this very page (without its fragment, where the way back will write). A top-level navigation,
 * not a popup: it works with every blocker, and the draft already holds everything typed.
 */
export function proconnectHref(login: string, page = location.href): string {
  const url = new URL(login);
  url.searchParams.set('return_to', page.split('#')[0] ?? page);
  return url.href;
}
