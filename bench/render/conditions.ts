import type { Page } from 'playwright-core';

/**
 * What a page load may be slowed down by, through the DevTools protocol: a network like a town
 * hall's (latency added to every request, throughput capped) and a slower processor. Loopback
 * and a fast CPU hide what a round trip or a parse costs a real visitor.
 */
export interface LoadConditions {
  /** Latency added to each request (ms): a round trip. */
  latencyMs: number;
  /** Bytes per second, down and up; 0 leaves it unlimited. */
  downBps: number;
  upBps: number;
  /** CPU slowdown factor; 1 runs at full speed. */
  cpu: number;
  /**
   * Pages and API over HTTP/2 (TLS), as a CDN or a reverse proxy would serve them, instead of the
   * server's own HTTP/1.1: one connection for every request instead of six at a time.
   */
  http2?: boolean;
}

export const NETWORKS = {
  loopback: { latencyMs: 0, downBps: 0, upBps: 0 },
  // A town hall on a modest ADSL line: 150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up.
  'town-hall': { latencyMs: 150, downBps: 1_600_000 / 8, upBps: 750_000 / 8 },
} as const;

export type NetworkName = keyof typeof NETWORKS;

export function conditionsOf(network: NetworkName, cpu: number): LoadConditions {
  return { ...NETWORKS[network], cpu };
}

/**
 * One condition written on the command line: a network, a CPU slowdown after `+cpu`, and `+h2`
 * for HTTP/2 (`loopback`, `loopback+cpu4`, `town-hall`, `town-hall+cpu4`, `town-hall+h2`);
 * `undefined` when it is not one.
 */
export function parseCondition(text: string): LoadConditions | undefined {
  const match = /^([a-z-]+)(?:\+cpu(\d+))?(\+h2)?$/.exec(text.trim());
  if (!match || !Object.hasOwn(NETWORKS, match[1]!)) return undefined;
  const cpu = match[2] === undefined ? 1 : Number(match[2]);
  if (cpu < 1) return undefined;
  const conditions = conditionsOf(match[1] as NetworkName, cpu);
  return match[3] ? { ...conditions, http2: true } : conditions;
}

/**
 * The conditions every render target is held to: each network, at full speed and 4× slower, then
 * the town hall's network over HTTP/2, where one connection for every request matters most.
 */
export const EVERY_CONDITION = ['loopback', 'loopback+cpu4', 'town-hall', 'town-hall+cpu4', 'town-hall+h2'] as const;

/** "loopback", "150 ms RTT, 1.6 Mbit/s down, 4× CPU"… */
export function describeConditions(conditions: LoadConditions): string {
  const parts: string[] = [];
  if (conditions.latencyMs > 0) parts.push(`${conditions.latencyMs} ms RTT`);
  if (conditions.downBps > 0) parts.push(`${((conditions.downBps * 8) / 1e6).toFixed(1)} Mbit/s down`);
  if (parts.length === 0) parts.push('loopback');
  if (conditions.cpu > 1) parts.push(`${conditions.cpu}× CPU`);
  if (conditions.http2) parts.push('HTTP/2');
  return parts.join(', ');
}

/** Applies the conditions to a page before it navigates. */
export async function applyConditions(page: Page, conditions: LoadConditions): Promise<void> {
  if (conditions.latencyMs === 0 && conditions.downBps === 0 && conditions.cpu <= 1) return;
  const session = await page.context().newCDPSession(page);
  if (conditions.latencyMs > 0 || conditions.downBps > 0) {
    await session.send('Network.enable');
    await session.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: conditions.latencyMs,
      downloadThroughput: conditions.downBps > 0 ? conditions.downBps : -1,
      uploadThroughput: conditions.upBps > 0 ? conditions.upBps : -1,
    });
  }
  if (conditions.cpu > 1) await session.send('Emulation.setCPUThrottlingRate', { rate: conditions.cpu });
}
