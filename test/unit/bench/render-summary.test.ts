import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LoadResult, ResourceTiming } from '../../../bench/render/browser.js';
import { breakdown, describeRounds, summarize } from '../../../bench/render/summary.js';

const ORIGIN = 'http://127.0.0.1:4000';

function entry(path: string, startTime: number, responseEnd: number): ResourceTiming {
  return { name: `${ORIGIN}${path}`, initiatorType: 'script', startTime, responseEnd, transferSize: 1000 };
}

function load(doneAt: number, resources: ResourceTiming[]): LoadResult {
  return { doneAt, firstAt: doneAt, what: 'input', resources };
}

const loads = [
  // Two rounds: the loader, then its chunk with the API request; a file after done does not count.
  load(100, [entry('/cdn/loader.js', 5, 20), entry('/cdn/chunks/a.js', 25, 60), entry('/api/v1/questionnaires/x', 25, 40), entry('/cdn/chunks/late.js', 120, 150)]),
  // No API request at all.
  load(80, [entry('/cdn/loader.js', 5, 20), entry('/cdn/chunks/a.js', 25, 50)]),
  // Slow: everything in late, little left after it.
  load(300, [entry('/cdn/loader.js', 5, 200), entry('/cdn/chunks/a.js', 210, 290), entry('/api/v1/questionnaires/x', 210, 250)]),
];

test('a summary takes each load’s last arrival and the time after it before the medians', () => {
  const summary = summarize(loads);
  assert.equal(summary.done, 100);
  assert.equal(summary.lastAsset, 60);
  // The load without an API request is left out, not counted as NaN.
  assert.equal(summary.lastApi, (40 + 250) / 2);
  assert.equal(summary.lastIn, 60);
  // 40, 30 and 10 ms after the last arrival: median 30, never a difference of two medians.
  assert.equal(summary.afterLastIn, 30);
  assert.equal(summary.requests, 3);
  assert.equal(summary.rounds, 2);
});

test('the breakdown says the last arrival and the time after it, both within done', () => {
  const said = breakdown('ours', summarize(loads));
  assert.match(said, /^ours: 3 requests in 2 sequential rounds, the last in at 60(\.0)? ms \(60 % of its 100 ms\), then 30(\.0)? ms of script and rendering$/);
});

test('a load’s rounds name the first file of each and its API requests', () => {
  assert.equal(describeRounds(loads[0]), '[loader.js] → [a.js, GET questionnaires/x]');
});
