import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, NetworkError } from '../../../src/core/api/errors.js';
import { createOutbox, type OnlineEvents, type OutboxEvent, type OutboxOptions } from '../../../src/core/api/outbox.js';
import { createMemoryStorage, type StorageLike } from '../../../src/core/api/storage.js';
import { manualClock, settle } from './clock.js';

type Payload = { theme: string };
type Response = { status: string };

/** A scripted `send`: each call takes the next outcome; every call is recorded with its key. */
function scriptedSend(...outcomes: Array<Response | Error>) {
  const calls: Array<{ payload: Payload; key: string }> = [];
  const send = (payload: Payload, key: string) => {
    calls.push({ payload, key });
    const outcome = outcomes.shift() ?? { status: 'created' };
    return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome);
  };
  return { send, calls };
}

function fakeOnline(): OnlineEvents & { fire(): void; count(): number } {
  const listeners = new Set<() => void>();
  return {
    addEventListener: (_type, listener) => void listeners.add(listener),
    removeEventListener: (_type, listener) => void listeners.delete(listener),
    fire: () => listeners.forEach((listener) => listener()),
    count: () => listeners.size,
  };
}

// Keys are unique across tests, as real UUIDs are: entries in flight are tracked page-wide.
let keys = 0;

function setup(send: OutboxOptions<Payload, Response>['send'], storage: StorageLike = createMemoryStorage()) {
  const clock = manualClock();
  const online = fakeOnline();
  const outbox = createOutbox<Payload, Response>({
    storage,
    send,
    now: clock.now,
    timers: clock.timers,
    random: () => 0,
    onlineEvents: online,
    backoff: { baseMs: 1000, maxMs: 8000, jitter: 0.2 },
    newKey: () => `key-${++keys}`,
  });
  const events: OutboxEvent<Payload, Response>[] = [];
  outbox.subscribe((event) => events.push(event));
  return { outbox, clock, online, events, storage };
}

const down = () => new NetworkError('offline');

describe('createOutbox', () => {
  test('delivers a queued payload under its idempotency key and forgets it', async () => {
    const { send, calls } = scriptedSend({ status: 'created' });
    const { outbox, events } = setup(send);
    const entry = outbox.enqueue({ theme: 'cybersecurite' });
    await outbox.flush();
    assert.deepEqual(calls, [{ payload: { theme: 'cybersecurite' }, key: entry.id }]);
    assert.deepEqual(outbox.entries(), []);
    assert.deepEqual(
      events.map((event) => event.type),
      ['queued', 'sending', 'delivered'],
    );
    const delivered = events.at(-1);
    assert.ok(delivered?.type === 'delivered');
    assert.deepEqual(delivered.response, { status: 'created' });
  });

  test('persists the entry before sending, so a crash mid-send loses nothing', () => {
    const storage = createMemoryStorage();
    const { outbox } = setup(() => new Promise(() => {}), storage);
    outbox.enqueue({ theme: 'cybersecurite' });
    const stored = JSON.parse(storage.getItem('barometre:outbox') ?? '[]') as Array<{ id: string; payload: Payload }>;
    assert.equal(stored.length, 1);
    assert.deepEqual(stored[0]?.payload, { theme: 'cybersecurite' });
  });

  for (const [name, error] of [
    ['a network failure', down()],
    ['a timeout', new NetworkError('slow', true)],
    ['a 500', new ApiError(500, 'internal_error', 'Oups')],
    ['a 503', new ApiError(503, 'http_503', 'Indisponible')],
    ['a 408', new ApiError(408, 'http_408', 'Trop lent')],
    ['a 429', new ApiError(429, 'rate_limited', 'Trop d’envois')],
  ] as const) {
    test(`keeps the entry waiting after ${name}, then retries it with the same key`, async () => {
      const { send, calls } = scriptedSend(error, { status: 'created' });
      const { outbox, clock, events } = setup(send);
      outbox.start();
      const entry = outbox.enqueue({ theme: 'cybersecurite' });
      await outbox.flush();
      assert.equal(outbox.entries().length, 1);
      const waiting = events.find((event) => event.type === 'waiting');
      assert.ok(waiting?.type === 'waiting');
      assert.equal(waiting.error, error);
      assert.equal(waiting.entry.attempts, 1);
      assert.equal(outbox.entries()[0]?.lastError?.message, error.message);
      clock.advance(waiting.retryAt - clock.now());
      await settle();
      await outbox.flush();
      assert.deepEqual(
        calls.map((call) => call.key),
        [entry.id, entry.id],
      );
      assert.deepEqual(outbox.entries(), []);
      assert.equal(events.at(-1)?.type, 'delivered');
    });
  }

  for (const [name, error] of [
    ['a 422', new ApiError(422, 'invalid_answers', 'Réponses refusées', [])],
    ['a 400', new ApiError(400, 'version_mismatch', 'Version périmée')],
    ['a 404', new ApiError(404, 'collectivite_inconnue', 'Inconnue')],
    ['a 409 other than contribution_exists', new ApiError(409, 'idempotency_key_reused', 'Clé réutilisée')],
    ['an unexpected exception', new TypeError('bug')],
  ] as const) {
    test(`removes the entry and reports it failed after ${name}`, async () => {
      const { send, calls } = scriptedSend(error);
      const { outbox, events } = setup(send);
      outbox.start();
      outbox.enqueue({ theme: 'cybersecurite' });
      await outbox.flush();
      assert.deepEqual(outbox.entries(), []);
      const failed = events.at(-1);
      assert.ok(failed?.type === 'failed');
      assert.equal(failed.error, error);
      await outbox.flush({ force: true });
      assert.equal(calls.length, 1);
    });
  }

  test('spaces retries exponentially, with jitter, up to the cap', async () => {
    const { send } = scriptedSend(down(), down(), down(), down(), down(), down());
    const { outbox, clock, events } = setup(send);
    outbox.start();
    outbox.enqueue({ theme: 'cybersecurite' });
    await outbox.flush();
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const delay = clock.nextDelay();
      assert.ok(delay !== undefined);
      delays.push(delay);
      clock.advance(delay);
      await settle();
      await outbox.flush();
    }
    // random() is 0 here, so jitter takes nothing off: 1 s doubling, capped at 8 s.
    assert.deepEqual(delays, [1000, 2000, 4000, 8000, 8000]);
    assert.equal(events.filter((event) => event.type === 'waiting').length, 6);
  });

  test('waits at least what Retry-After asked for', async () => {
    const { send } = scriptedSend(new ApiError(429, 'rate_limited', 'Trop d’envois', undefined, 60_000));
    const { outbox, clock } = setup(send);
    outbox.start();
    outbox.enqueue({ theme: 'cybersecurite' });
    await outbox.flush();
    assert.equal(clock.nextDelay(), 60_000);
  });

  test('retries at once when the network comes back', async () => {
    const { send, calls } = scriptedSend(down(), { status: 'created' });
    const { outbox, online, events } = setup(send);
    outbox.start();
    outbox.enqueue({ theme: 'cybersecurite' });
    await outbox.flush();
    online.fire();
    await outbox.flush();
    assert.equal(calls.length, 2);
    assert.equal(events.at(-1)?.type, 'delivered');
  });

  test('survives a reload: a new outbox over the same storage sends the entry with its original key', async () => {
    const storage = createMemoryStorage();
    const first = setup(scriptedSend(down()).send, storage);
    const entry = first.outbox.enqueue({ theme: 'cybersecurite' });
    await first.outbox.flush();
    first.outbox.stop();

    const { send, calls } = scriptedSend({ status: 'created' });
    const second = setup(send, storage);
    assert.equal(second.outbox.entries()[0]?.id, entry.id);
    second.outbox.start(); // starting retries everything, backoff or not
    await second.outbox.flush();
    assert.deepEqual(calls, [{ payload: { theme: 'cybersecurite' }, key: entry.id }]);
    assert.deepEqual(second.outbox.entries(), []);
  });

  test('never sends one entry twice at once, within an outbox or across two over one storage', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const calls: string[] = [];
    const send = async (_payload: Payload, key: string) => {
      calls.push(key);
      await gate;
      return { status: 'created' };
    };
    const storage = createMemoryStorage();
    const a = setup(send, storage);
    const b = setup(send, storage);
    a.outbox.enqueue({ theme: 'cybersecurite' });
    const flushes = [a.outbox.flush({ force: true }), a.outbox.flush({ force: true }), b.outbox.flush({ force: true }), b.outbox.flush({ force: true })];
    await settle();
    release();
    await Promise.all(flushes);
    assert.equal(calls.length, 1);
    assert.deepEqual(a.outbox.entries(), []);
    assert.deepEqual(b.outbox.entries(), []);
  });

  test('ignores corrupted storage and malformed entries instead of throwing', async () => {
    const storage = createMemoryStorage();
    storage.setItem('barometre:outbox', '{not json');
    const { send, calls } = scriptedSend({ status: 'created' });
    const { outbox } = setup(send, storage);
    assert.deepEqual(outbox.entries(), []);
    storage.setItem('barometre:outbox', JSON.stringify([{ id: 3 }, 'x', null, { id: 'ok', createdAt: 'x', attempts: 0, nextAttemptAt: 0, payload: { theme: 't' } }]));
    assert.deepEqual(
      outbox.entries().map((entry) => entry.id),
      ['ok'],
    );
    await outbox.flush();
    assert.deepEqual(calls, [{ payload: { theme: 't' }, key: 'ok' }]);
  });

  test('checks payloads read back with isPayload', () => {
    const storage = createMemoryStorage();
    storage.setItem(
      'barometre:outbox',
      JSON.stringify([
        { id: 'a', createdAt: '2025', attempts: 0, nextAttemptAt: 0, payload: { theme: 'ok' } },
        { id: 'b', createdAt: '2025', attempts: 0, nextAttemptAt: 0, payload: 42 },
      ]),
    );
    const outbox = createOutbox<Payload, Response>({
      storage,
      send: () => Promise.resolve({ status: 'created' }),
      onlineEvents: null,
      isPayload: (value): value is Payload => typeof (value as Payload | null)?.theme === 'string',
    });
    assert.deepEqual(
      outbox.entries().map((entry) => entry.id),
      ['a'],
    );
  });

  test('keeps the queue in memory when the storage refuses writes', async () => {
    const refusing: StorageLike = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    const { send, calls } = scriptedSend(down(), { status: 'created' });
    const { outbox, online } = setup(send, refusing);
    outbox.start();
    outbox.enqueue({ theme: 'cybersecurite' });
    await outbox.flush();
    assert.equal(outbox.entries().length, 1);
    online.fire();
    await outbox.flush();
    assert.equal(calls.length, 2);
    assert.deepEqual(outbox.entries(), []);
  });

  test('discard removes a waiting entry without sending it', async () => {
    const { send, calls } = scriptedSend(down());
    const { outbox, online } = setup(send);
    outbox.start();
    const entry = outbox.enqueue({ theme: 'cybersecurite' });
    await outbox.flush();
    outbox.discard(entry.id);
    online.fire();
    await outbox.flush();
    assert.equal(calls.length, 1);
    assert.deepEqual(outbox.entries(), []);
  });

  test('stop removes the online listener and the retry timer; a faulty listener harms no one', async () => {
    const { send } = scriptedSend(down());
    const { outbox, online, clock, events } = setup(send);
    outbox.subscribe(() => {
      throw new Error('listener bug');
    });
    const originalError = console.error;
    console.error = () => {};
    try {
      outbox.start();
      assert.equal(online.count(), 1);
      outbox.enqueue({ theme: 'cybersecurite' });
      await outbox.flush();
      assert.ok(events.some((event) => event.type === 'waiting'));
      outbox.stop();
      assert.equal(online.count(), 0);
      assert.equal(clock.nextDelay(), undefined);
    } finally {
      console.error = originalError;
    }
  });

  test('unsubscribing stops the events', async () => {
    const { send } = scriptedSend({ status: 'created' });
    const { outbox } = setup(send);
    const seen: string[] = [];
    const unsubscribe = outbox.subscribe((event) => seen.push(event.type));
    unsubscribe();
    outbox.enqueue({ theme: 'cybersecurite' });
    await outbox.flush();
    assert.deepEqual(seen, []);
  });
});
