import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateReferential } from '../../../src/referential/build/generate.js';
import { loadReferential } from '../../../src/referential/build/load-referential.js';

test('the generator writes every artefact, replaces stale files and is idempotent', () => {
  const root = mkdtempSync(join(tmpdir(), 'referential-'));
  try {
    const out = join(root, 'referential');
    const first = generateReferential(out);
    writeFileSync(join(out, 'search', 'stale.json'), '[]');
    const second = generateReferential(out);
    assert.deepEqual(second, first);
    const written = new Set(first.map((s) => s.path));
    assert.ok(written.has('referential.json') && written.has('index.json') && written.has('communes/35.json'));
    assert.equal(readdirSync(join(out, 'communes')).length, 101);
    assert.equal(readdirSync(join(out, 'search')).includes('stale.json'), false);
    for (const { path, raw } of first) assert.equal(readFileSync(join(out, path)).length, raw, path);
    // The server's loader reads the full artefact back into the same referential.
    const loaded = loadReferential(out);
    assert.equal(loaded.collectiviteBySiren('213502388')?.name, 'Rennes');
    assert.equal(loaded.population('france'), JSON.parse(readFileSync(join(out, 'referential.json'), 'utf8')).communes.reduce((n: number, row: [string, string, string, number]) => n + row[3], 0));
    assert.equal(readdirSync(root).length, 1, 'no staging folder left behind');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the loader refuses a file of another format instead of misreading it', () => {
  const root = mkdtempSync(join(tmpdir(), 'referential-'));
  try {
    writeFileSync(join(root, 'referential.json'), JSON.stringify({ format: 0, communes: [] }));
    assert.throws(() => loadReferential(root), /format 1/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
