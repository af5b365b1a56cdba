import { BROTLI_BEST, BROTLI_FAST, compress, type Encoding } from './encoding.js';

/** A response body kept in memory, with the compressed forms asked for so far. */
export interface CachedBody {
  readonly key: string;
  readonly identity: Buffer;
}

interface Entry extends CachedBody {
  /** Each coding's bytes: a promise while they are being compressed, shared by the requests waiting. */
  encoded: Map<Encoding, Promise<Buffer>>;
  /** Bytes held: the identity body and the compressed forms already resolved. */
  size: number;
}

/**
 * Bodies sent many times, compressed once per coding and kept, least recently used first out
 * once `maxBytes` are held.
 *
 * Brotli is produced twice: at a fast level for the first request, which should not wait, and
 * then at the best level in the background, one body at a time so that the work never takes more
 * than one of the thread pool's threads. Every later request gets the smaller bytes.
 */
export class CompressedBodies {
  private readonly entries = new Map<string, Entry>();
  private total = 0;
  /** The background recompressions, one after the other. */
  private lane: Promise<void> = Promise.resolve();

  constructor(private readonly maxBytes: number) {}

  /** The body kept under `key`, now the most recently used; `undefined` when absent. */
  get(key: string): CachedBody | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Keeps a body under `key` (replacing any), and returns it. */
  set(key: string, identity: Buffer): CachedBody {
    this.remove(key);
    const entry: Entry = { key, identity, encoded: new Map(), size: identity.length };
    this.entries.set(key, entry);
    this.total += entry.size;
    this.evict();
    return entry;
  }

  /** The body compressed with `encoding`: compressed now if it has not been yet. */
  encoded(body: CachedBody, encoding: Encoding): Promise<Buffer> {
    const entry = body as Entry;
    const known = entry.encoded.get(encoding);
    if (known !== undefined) return known;
    const bytes = compress(entry.identity, encoding, BROTLI_FAST);
    entry.encoded.set(encoding, bytes);
    bytes.then(
      (compressed) => {
        this.grow(entry, compressed.length);
        if (encoding === 'br') this.improve(entry, compressed);
      },
      // A failed compression is tried again by the next request, which gets the error too.
      () => entry.encoded.delete(encoding),
    );
    return bytes;
  }

  /** Queues the best-level brotli of an entry, replacing the fast one if it is still kept. */
  private improve(entry: Entry, fast: Buffer): void {
    this.lane = this.lane.then(async () => {
      if (this.entries.get(entry.key) !== entry) return;
      const best = await compress(entry.identity, 'br', BROTLI_BEST);
      if (this.entries.get(entry.key) !== entry || best.length >= fast.length) return;
      entry.encoded.set('br', Promise.resolve(best));
      this.grow(entry, best.length - fast.length);
    }).catch(() => {
      // The fast form stays: it is correct, only larger.
    });
  }

  private grow(entry: Entry, bytes: number): void {
    if (this.entries.get(entry.key) !== entry) return;
    entry.size += bytes;
    this.total += bytes;
    this.evict();
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.total -= entry.size;
  }

  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.total <= this.maxBytes) return;
      this.remove(key);
    }
  }
}
