// What `npm publish` would ship: the files the exports map promises, nothing from the work tree
// that only serves development, and a size that does not creep up unnoticed.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * The unpacked size measured when this test was written (4.24 MB, of which about 2.2 MB are the
 * script-tag build's source maps) plus 30 %, raised by 0.3 MB for `<barometre-evolution>` (its
 * modules and declarations, its script-tag chunk with its source map, Chart.js's line pieces in
 * the shared chart chunk, its manifest entry: about 0.25 MB), then by 0.1 MB when the loader came
 * to read its early answers (`read-answer.ts` in the loader and in Lit's chunk with their source
 * maps, its module and declarations: 10 kB), which found the package 265 bytes under the budget
 * after the growth since the raise before. Raise it on purpose, not by drift.
 */
const UNPACKED_BUDGET = 5_900_000;

type ExportTarget = string | { types?: string; import?: string; default?: string; [condition: string]: unknown };

interface PackageJson {
  exports: Record<string, ExportTarget>;
  files: string[];
  types?: string;
  customElements?: string;
  sideEffects: boolean | string[];
}

interface PackResult {
  files: { path: string; size: number }[];
  entryCount: number;
  size: number;
  unpackedSize: number;
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;

let pack: PackResult;
let shipped: Set<string>;

/** Every file under `dir` (relative to the package root, with forward slashes). */
function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else found.push(relative(root, full).split('\\').join('/'));
    }
  };
  walk(join(root, dir));
  return found.sort();
}

/** `./dist/lib/x.js` → `dist/lib/x.js`, the form npm pack lists. */
const packPath = (target: string) => posix.normalize(target).replace(/^\.\//, '');

/** The file targets of one export, whatever its conditions. */
function targetsOf(target: ExportTarget): string[] {
  if (typeof target === 'string') return [target];
  return Object.values(target).filter((value): value is string => typeof value === 'string');
}

/** A `sideEffects` glob (`*` within a folder, `**` across folders) as a regular expression. */
function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (char === '*') source += '[^/]*';
    else source += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

before(
  () => {
    const built = ['dist/lib/index.js', 'dist/lib/core/index.js', 'dist/cdn/barometre-widgets.js'];
    if (!built.every((path) => existsSync(join(root, path)))) {
      execFileSync(npm, ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000 });
    }
    // The build above is what prepack would run: skip scripts so stdout holds only the JSON.
    const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    // npm prints its notices on stderr; stdout is the JSON array, but be lenient about a preamble.
    const parsed = JSON.parse(out.slice(out.indexOf('['))) as PackResult[];
    assert.equal(parsed.length, 1, 'npm pack describes one package');
    pack = parsed[0]!;
    shipped = new Set(pack.files.map((file) => file.path));
  },
  { timeout: 720_000 },
);

describe('npm pack', () => {
  test('ships the library entry, the core and the manifest files', () => {
    for (const path of [
      'package.json',
      'README.md',
      'LICENSE',
      'custom-elements.json',
      'dist/lib/index.js',
      'dist/lib/index.d.ts',
      'dist/lib/core/index.js',
      'dist/lib/core/index.d.ts',
      'dist/cdn/barometre-widgets.js',
    ]) {
      assert.ok(shipped.has(path), `${path} is in the package`);
    }
  });

  test("ships every element's define.js and define.d.ts named in the exports map", () => {
    const defines = Object.values(pkg.exports)
      .flatMap(targetsOf)
      .filter((target) => /\/elements\/[\w-]+\/define\.(js|d\.ts)$/.test(target));
    const elements = new Set(defines.map((target) => target.match(/elements\/([\w-]+)\//)![1]));
    // Every element folder of the source has its entry point in the map (shared/ holds the helper).
    const sourceElements = readdirSync(join(root, 'src/elements')).filter(
      (name) => name !== 'shared' && existsSync(join(root, 'src/elements', name, 'define.ts')),
    );
    assert.deepEqual([...elements].sort(), sourceElements.sort(), 'each element with a define.ts is exported');
    for (const element of elements) {
      for (const ext of ['js', 'd.ts']) {
        const path = `dist/lib/elements/${element}/define.${ext}`;
        assert.ok(shipped.has(path), `${path} is in the package`);
      }
    }
  });

  test('every file the exports map names is in the package', () => {
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      for (const file of targetsOf(target)) {
        if (file.includes('*')) {
          const prefix = packPath(file.slice(0, file.indexOf('*')));
          assert.ok(
            [...shipped].some((path) => path.startsWith(prefix)),
            `the pattern export ${subpath} → ${file} matches files in the package`,
          );
        } else {
          assert.ok(shipped.has(packPath(file)), `export ${subpath} → ${file} is in the package`);
        }
      }
    }
    assert.ok(shipped.has('dist/cdn/barometre-widgets.js'), './cdn/barometre-widgets.js resolves');
  });

  test('every export of code has a types file, and it ships', () => {
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') continue; // cdn/*, the manifest and package.json: not modules to type
      assert.equal(typeof target.types, 'string', `export ${subpath} names its types`);
      assert.equal(Object.keys(target)[0], 'types', `export ${subpath} lists "types" first, as TypeScript requires`);
      assert.ok(shipped.has(packPath(target.types!)), `types of ${subpath} (${target.types}) are in the package`);
    }
    assert.ok(pkg.types && shipped.has(packPath(pkg.types)), 'the top-level "types" file is in the package');
    assert.ok(
      pkg.customElements && shipped.has(packPath(pkg.customElements)),
      'the "customElements" manifest is in the package',
    );
  });

  test('ships the script-tag entry with every chunk it can load', () => {
    const reachable = new Set<string>();
    const visit = (path: string) => {
      if (reachable.has(path)) return;
      reachable.add(path);
      const code = readFileSync(join(root, path), 'utf8');
      for (const [, spec] of code.matchAll(/["'`](\.\.?\/[\w./-]+\.js)["'`]/g)) {
        const chunk = posix.normalize(posix.join(posix.dirname(path), spec!));
        assert.ok(existsSync(join(root, chunk)), `${path} refers to ${chunk}, which the build wrote`);
        visit(chunk);
      }
    };
    visit('dist/cdn/barometre-widgets.js');
    assert.ok(reachable.size > 10, `the entry reaches its element chunks (found ${reachable.size} files)`);
    for (const path of reachable) assert.ok(shipped.has(path), `${path} is in the package`);
  });

  test('ships dist/ exactly as "files" says: all of dist/cdn but its copy of the manifest, only .js and .d.ts of dist/lib', () => {
    assert.ok(pkg.files.includes('dist/cdn'), '"files" lists dist/cdn whole');
    assert.ok(pkg.files.includes('dist/lib/**/*.js') && pkg.files.includes('dist/lib/**/*.d.ts'));
    const shippedDist = [...shipped].filter((path) => path.startsWith('dist/')).sort();
    const expected = [
      ...filesUnder('dist/cdn').filter((path) => path !== 'dist/cdn/custom-elements.json'),
      ...filesUnder('dist/lib').filter((path) => path.endsWith('.js') || path.endsWith('.d.ts')),
    ].sort();
    assert.deepEqual(shippedDist, expected);
    assert.deepEqual(
      shippedDist.filter((path) => path.startsWith('dist/lib/') && path.endsWith('.map')),
      [],
      'no source maps from dist/lib',
    );
  });

  test('ships no stale build output: each dist/lib module has its source in src/', () => {
    const orphans = [...shipped]
      .filter((path) => path.startsWith('dist/lib/'))
      .map((path) => path.replace(/^dist\/lib\//, '').replace(/\.d\.ts$|\.js$/, ''))
      .filter((stem) => !['.ts', '.tsx', '.d.ts'].some((ext) => existsSync(join(root, 'src', stem + ext))));
    assert.deepEqual(orphans, [], 'files left in dist/lib by a removed or moved source would ship');
  });

  test('leaves out sources, tests, tooling, data and databases', () => {
    const excludedRoots = ['src/', 'test/', 'demo/', 'scripts/', 'generated/', 'data/', 'bench/', 'node_modules/', '.cache/', '.ci/', '.git/'];
    const excluded = [...shipped].filter(
      (path) =>
        excludedRoots.some((prefix) => path.startsWith(prefix)) ||
        path.includes('/node_modules/') ||
        /\.(db|db-wal|db-shm|tgz|sqlite)$/.test(path) ||
        (/\.tsx?$/.test(path) && !path.endsWith('.d.ts')),
    );
    assert.deepEqual(excluded, []);
    const topLevel = new Set([...shipped].map((path) => path.split('/')[0]));
    assert.deepEqual([...topLevel].sort(), ['LICENSE', 'README.md', 'custom-elements.json', 'dist', 'package.json']);
    // The script-tag build keeps a copy of the manifest for the site serving it; the package has it once, at its root.
    assert.ok(!shipped.has('dist/cdn/custom-elements.json'), 'the manifest ships twice');
  });

  test(`stays under ${UNPACKED_BUDGET.toLocaleString('en')} bytes unpacked`, () => {
    const summed = pack.files.reduce((total, file) => total + file.size, 0);
    assert.equal(pack.entryCount, pack.files.length);
    assert.ok(summed <= pack.unpackedSize, 'npm reports the sum of its files');
    assert.ok(
      pack.unpackedSize < UNPACKED_BUDGET,
      `unpacked size ${pack.unpackedSize.toLocaleString('en')} B is over the ${UNPACKED_BUDGET.toLocaleString('en')} B budget`,
    );
  });

  test('declares side effects for every element entry, and none for the core', () => {
    assert.ok(Array.isArray(pkg.sideEffects), '"sideEffects" is a list');
    const patterns = (pkg.sideEffects as string[]).map(globToRegExp);
    const hasSideEffects = (target: string) => patterns.some((pattern) => pattern.test(target));
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      for (const file of targetsOf(target).filter((path) => path.endsWith('.js') && !path.includes('*'))) {
        const defines = subpath === '.' || /\/define\.js$/.test(file);
        assert.equal(hasSideEffects(file), defines, `${subpath} (${file}) ${defines ? 'defines elements' : 'is pure'}`);
      }
    }
    assert.ok(hasSideEffects('./dist/cdn/barometre-widgets.js'), 'the script-tag entry has side effects');
  });
});

describe('the core entry in Node', () => {
  test('imports without a DOM, never touches customElements, and exposes validateSiret', async () => {
    assert.equal(globalThis.customElements, undefined, 'Node has no custom element registry');
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined', 'Node has no document');
    // Count any read of `customElements` while the core and everything it imports evaluate.
    let reads = 0;
    Object.defineProperty(globalThis, 'customElements', {
      configurable: true,
      get() {
        reads++;
        return undefined;
      },
    });
    let core: typeof import('../../../src/core/index.js');
    try {
      core = (await import('../../../dist/lib/core/index.js' as string)) as typeof core;
    } finally {
      delete (globalThis as { customElements?: unknown }).customElements;
    }
    assert.equal(reads, 0, 'importing the core reads globalThis.customElements');
    assert.equal(globalThis.customElements, undefined);
    assert.equal(typeof core.validateSiret, 'function');
    assert.deepEqual(core.validateSiret('213 502 388 00019'), { ok: true, value: '21350238800019' });
    assert.equal(core.validateSiret('21350238800018').ok, false);
  });

  test('the package name resolves to the same file through the exports map', () => {
    const resolved = fileURLToPath(import.meta.resolve('barometre-widgets/core'));
    assert.equal(resolved, join(root, 'dist/lib/core/index.js'));
    assert.equal(dirname(fileURLToPath(import.meta.resolve('barometre-widgets/indicateur'))), join(root, 'dist/lib/elements/indicateur'));
  });
});
