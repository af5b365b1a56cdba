import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, NetworkError, answerProblemsOf, isRetryable } from '../../../src/core/api/errors.js';

test('network failures, 408, 429 and 5xx are worth retrying; other answers are definitive', () => {
  assert.equal(isRetryable(new NetworkError('down')), true);
  for (const status of [408, 429, 500, 502, 503, 504]) assert.equal(isRetryable(new ApiError(status, 'x', 'x')), true, String(status));
  for (const status of [400, 401, 403, 404, 409, 410, 413, 422]) assert.equal(isRetryable(new ApiError(status, 'x', 'x')), false, String(status));
  assert.equal(isRetryable(new Error('bug')), false);
});

test('answerProblemsOf reads a details list, a wrapped list, and skips what is not a problem', () => {
  const problem = { questionId: 'q', code: 'required', message: 'Répondez.' };
  assert.deepEqual(answerProblemsOf(new ApiError(422, 'invalid_answers', 'm', [problem, 3, { code: 'x' }])), [problem]);
  assert.deepEqual(answerProblemsOf(new ApiError(422, 'invalid_answers', 'm', { problems: [problem] })), [problem]);
  assert.deepEqual(answerProblemsOf(new ApiError(422, 'invalid_answers', 'm', [{ questionId: 'q', code: 'min' }])), [
    { questionId: 'q', code: 'min', message: '' },
  ]);
  assert.deepEqual(answerProblemsOf(new NetworkError('down')), []);
});
