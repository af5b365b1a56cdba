/**
 * `{api}/participation?territoire=…[&edition=…]`. On its own so that the loader can send the
 * request the moment it sees the tag, without the contract's code.
 */
export function participationUrl(api: string, territoire: string, edition?: string): string {
  const query = new URLSearchParams({ territoire });
  if (edition) query.set('edition', edition);
  return `${api}/participation?${query.toString()}`;
}
