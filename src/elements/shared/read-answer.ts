/** Statuses whose answers have no body: a `Response` built with one would throw. */
const NO_BODY = new Set([204, 205, 304]);

/**
 * An answer whose body was read in full when it came. Reading it again costs no wait: `text()`
 * and `json()` settle within the caller's turn of the event loop, where a body still in the
 * network's stream settles a task later — a task in which the browser may paint a frame first.
 * Status, status text and headers are the answer's own.
 */
export class ReadAnswer extends Response {
  readonly #text: string;

  private constructor(text: string, from: Response) {
    super(NO_BODY.has(from.status) ? null : text, { status: from.status, statusText: from.statusText, headers: from.headers });
    this.#text = text;
  }

  /** Reads `response`'s body now and keeps it. Rejects as reading it would (an abort, a broken connection). */
  static async of(response: Response): Promise<ReadAnswer> {
    return new ReadAnswer(await response.text(), response);
  }

  override text(): Promise<string> {
    return Promise.resolve(this.#text);
  }

  override json(): Promise<unknown> {
    return this.text().then((text) => JSON.parse(text) as unknown);
  }
}
