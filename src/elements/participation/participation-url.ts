/**
 * `{api}/participation?territoire=…[&edition=…]`. On its own so that the loader can send the
 * request the moment it sees the tag, without the contract's code.
 */
export function participationUrl(api: string, territoire: string, edition?: string): string {
  const query = new URLSearchParams({ territoire });
  if (edition) query.set('edition', edition);
  return `${api}/participation?${query.toString()}`;
}

/** `{api}/participation?niveau=departement|region[&edition=…]`: every territory of a map's level at once. */
export function participationLevelUrl(api: string, niveau: string, edition?: string): string {
  const query = new URLSearchParams({ niveau });
  if (edition) query.set('edition', edition);
  return `${api}/participation?${query.toString()}`;
}
