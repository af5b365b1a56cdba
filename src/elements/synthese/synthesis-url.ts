/**
 * `{api}/synthese?territoire=…`: the whole synthesis in one response. On its own so that the
 * loader can send the request the moment it sees the tag, without the contract's code.
 */
export function synthesisUrl(api: string, territoire: string): string {
  return `${api}/synthese?${new URLSearchParams({ territoire }).toString()}`;
}
