import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { MapResults } from '../../src/core/schema/map-results.js';
import { QuestionnaireDefinition } from '../../src/core/schema/questionnaire.js';
import { ParticipationResponse } from '../../src/core/schema/participation.js';
import { FIGURE_STATUSES, ResultsResponse } from '../../src/core/schema/results.js';
import { SynthesisResponse } from '../../src/core/schema/synthesis.js';
import { publishedQuestions } from '../../src/core/stats/tally.js';
import { definitions } from '../../src/questionnaires/all.js';
import { runPublishCli } from '../../src/server/publication/export/cli.js';
import { exportPublication, type PublicationManifest } from '../../src/server/publication/export/export.js';
import { OPEN_DATA_COLUMNS } from '../../src/server/publication/export/open-data.js';
import { loadPublication } from '../../src/server/publication/export/source.js';
import { defaultReferential } from '../../src/server/referential/adapter.js';
import { openStore } from '../../src/server/store/open.js';
import { SqliteContributionStore } from '../../src/server/store/sqlite/sqlite-store.js';
import { parseCsv } from '../helpers/csv.js';
import { collectivites, cyberSubmission, dropTestDatabase, onStore, publishNow, putContribution, startServer, type TestServer } from './helpers.js';

const SECRET_TEXT = 'SECRET-FREE-TEXT-7f3a';
const SECRET_EMAIL = 'secret.person@example.fr';
const REPO = join(import.meta.dirname, '..', '..');
/** The loader the synthesis pages are told to load. */
const LOADER = '/cdn/barometre-widgets.js';

/** Every file under a folder, by `/`-separated path, with its text. */
function readTree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(full.slice(root.length + 1).split(sep).join('/'), readFileSync(full, 'utf8'));
  }
  return files;
}

/** Runs `npm run publish` as a person would, with the environment given; resolves with its outcome. */
function runPublish(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('BAROMETRE_') && !name.startsWith('npm_')),
  ) as Record<string, string>;
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'publish', '--', ...args], {
      cwd: REPO,
      env: { ...base, BAROMETRE_LOG: 'off', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The command's function, in this process, with its output captured. */
async function cli(args: string[], env: Record<string, string>): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runPublishCli(args, { BAROMETRE_LOG: 'off', ...env }, {
    log: (message) => (stdout += `${message}\n`),
    error: (message) => (stderr += `${message}\n`),
  });
  return { status, stdout, stderr };
}

describe(onStore('npm run publish: a publication as static files'), () => {
  let server: TestServer;
  let closed = false;
  let out: string;
  let manifest: PublicationManifest;
  let files: Map<string, string>;
  let csv: string[][];
  let publicationId: string;
  let olderId: string;
  let olderLoaded: string;
  let contributions: number;
  const sirets: string[] = [];
  const referential = defaultReferential();

  before(async () => {
    server = await startServer();
    const isCommune = (departement: string, band: string) => (c: { kind: string; departementCode?: string; populationBand?: string }) =>
      c.kind === 'commune' && c.departementCode === departement && c.populationBand === band;
    const groups = [
      // Ille-et-Vilaine: enough for figures, one of them with an attack and a free text.
      ...collectivites(isCommune('35', '0-499'), 7).map((c, i) => ({
        c,
        body:
          i === 0
            ? cyberSubmission({ cyberattaque_3ans: 'oui', types_attaques: ['autre'], 'types_attaques.autre': SECRET_TEXT, duree_interruption: 'aucune', plainte: 'non' })
            : cyberSubmission({ rssi: i % 2 === 0 ? 'aucun' : 'interne' }),
      })),
      // Mayenne: enough too.
      ...collectivites(isCommune('53', '0-499'), 6).map((c) => ({ c, body: cyberSubmission({ formation_agents: 'oui' }) })),
      // Finistère: too few.
      ...collectivites(isCommune('29', '1000-3499'), 2).map((c) => ({ c, body: cyberSubmission() })),
    ];
    for (const { c, body } of groups) {
      sirets.push(c.siret);
      const response = await putContribution(server.url, c.siret, 'cybersecurite', { ...body, contactEmail: SECRET_EMAIL });
      assert.equal(response.status, 201, await response.text());
    }
    olderId = (await publishNow(server.url)).id;
    // Publication ids are times to the millisecond.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const latest = await publishNow(server.url);
    publicationId = latest.id;
    contributions = latest.contributions;
    assert.notEqual(olderId, publicationId);

    out = mkdtempSync(join(tmpdir(), 'barometre-static-'));
    const store = await openStore(server.config);
    try {
      manifest = await exportPublication({ store, out, pages: { script: LOADER } });
      olderLoaded = (await loadPublication(store, olderId)).id;
    } finally {
      await store.close();
    }
    files = readTree(out);
    csv = parseCsv(files.get(`donnees/resultats-${publicationId}.csv`) ?? '');
  });

  after(async () => {
    if (!closed) await server.close();
    rmSync(out, { recursive: true, force: true });
  });

  const departements = referential.territoriesOfLevel('departement');
  const regions = referential.territoriesOfLevel('region');
  const themes = Object.keys(definitions) as (keyof typeof definitions)[];

  test('publication.json names the latest publication and counts the other files', () => {
    assert.equal(manifest.id, publicationId);
    assert.deepEqual(JSON.parse(files.get('publication.json')!), manifest);
    assert.equal(manifest.files, files.size - 1);
    assert.equal(manifest.minCell, 5);
    assert.equal(manifest.contributions, contributions);
    assert.equal(contributions, 15);
    assert.equal(olderLoaded, olderId, 'an older publication is found by its id');
  });

  test('every results, map and questionnaire file is there and follows its schema', () => {
    let results = 0;
    let maps = 0;
    for (const theme of themes) {
      const definition = QuestionnaireDefinition.parse(JSON.parse(files.get(`questionnaires/${theme}.json`)!));
      assert.deepEqual(definition, definitions[theme]);
      for (const ponderation of ['brute', 'redressee']) {
        for (const territory of [{ id: 'france' }, ...regions, ...departements]) {
          const path = `resultats/${theme}/${ponderation}/${territory.id.replace(':', '-')}.json`;
          const text = files.get(path);
          assert.ok(text, `${path} is missing`);
          const parsed = ResultsResponse.safeParse(JSON.parse(text));
          assert.ok(parsed.success, `${path}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 2))}`);
          assert.equal(parsed.data.publication.id, publicationId);
          assert.equal(parsed.data.series[0]!.territory.id, territory.id);
          results += 1;
        }
        for (const niveau of ['departement', 'region']) {
          for (const question of publishedQuestions(definitions[theme])) {
            const path = `resultats/${theme}/${ponderation}/carte/${niveau}/${question.id}.json`;
            const text = files.get(path);
            assert.ok(text, `${path} is missing`);
            const parsed = MapResults.safeParse(JSON.parse(text));
            assert.ok(parsed.success, `${path}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 2))}`);
            assert.equal(parsed.data.territories.length, niveau === 'departement' ? departements.length : regions.length);
            maps += 1;
          }
        }
      }
    }
    const jsonFiles = [...files.keys()].filter((path) => path.startsWith('resultats/') || path.startsWith('questionnaires/'));
    assert.equal(jsonFiles.length, results + maps + themes.length, 'no other JSON file');
    assert.ok(files.has('resultats/cybersecurite/brute/departement-2A.json'));
    assert.ok(!files.has('resultats/cybersecurite/brute/departement:2A.json'));
  });

  test('a territory file holds every comparison it has: département, région, France, similar collectivités', () => {
    const roles = (path: string) => (JSON.parse(files.get(path)!) as ResultsResponse).series.map((series) => `${series.role}=${series.territory.id}`);
    assert.deepEqual(roles('resultats/cybersecurite/brute/departement-35.json'), ['territoire=departement:35', 'region=region:53', 'france=france', 'similaires=groupe:profil:departement:35']);
    assert.deepEqual(roles('resultats/cybersecurite/redressee/region-53.json'), ['territoire=region:53', 'france=france', 'similaires=groupe:profil:region:53']);
    assert.deepEqual(roles('resultats/cybersecurite/brute/france.json'), ['territoire=france']);
  });

  test('the files hold what the API answers from the same publication', async () => {
    for (const ponderation of ['brute', 'redressee']) {
      for (const territoire of ['departement:35', 'departement:29', 'departement:2A', 'region:53', 'france']) {
        const response = await fetch(
          `${server.url}/api/v1/resultats/cybersecurite?territoire=${territoire}&comparer=departement,region,france,similaires&ponderation=${ponderation}`,
        );
        assert.equal(response.status, 200);
        const api = await response.json();
        assert.equal(api.publication.id, publicationId);
        const file = JSON.parse(files.get(`resultats/cybersecurite/${ponderation}/${territoire.replace(':', '-')}.json`)!);
        assert.deepEqual(file, api, `${ponderation} ${territoire}`);
      }
      for (const niveau of ['departement', 'region']) {
        const response = await fetch(`${server.url}/api/v1/resultats/cybersecurite/carte?niveau=${niveau}&question=rssi&ponderation=${ponderation}`);
        assert.equal(response.status, 200);
        assert.deepEqual(JSON.parse(files.get(`resultats/cybersecurite/${ponderation}/carte/${niveau}/rssi.json`)!), await response.json());
      }
    }
    const series = (JSON.parse(files.get('resultats/cybersecurite/brute/departement-35.json')!) as ResultsResponse).series;
    assert.equal(series[0]!.status, 'publie', 'Ille-et-Vilaine is published: the comparison is not between empty files');
  });

  test('a synthesis per territory, as the API answers it from the same publication', async () => {
    const syntheses = [...files.keys()].filter((path) => path.startsWith('synthese/') && path.endsWith('.json'));
    assert.equal(syntheses.length, 1 + regions.length + departements.length, 'France, each région and each département');
    for (const territoire of ['departement:35', 'departement:2A', 'region:53', 'france']) {
      const text = files.get(`synthese/${territoire.replace(':', '-')}.json`);
      assert.ok(text, territoire);
      const file = SynthesisResponse.parse(JSON.parse(text));
      assert.equal(file.publication.id, publicationId);
      const response = await fetch(`${server.url}/api/v1/synthese?territoire=${territoire}`);
      assert.equal(response.status, 200);
      assert.deepEqual(file, await response.json(), territoire);
    }
  });

  test('participation per territory and per map level, for the folder’s edition and under its year, as the API answers it', async () => {
    const api = async (query: string) => {
      const response = await fetch(`${server.url}/api/v1/participation?${query}`);
      assert.equal(response.status, 200, query);
      return (await response.json()) as ParticipationResponse;
    };
    const edition = (await api('territoire=france')).edition;
    const read = (path: string) => {
      const text = files.get(path);
      assert.ok(text, `${path} is missing`);
      return ParticipationResponse.parse(JSON.parse(text));
    };
    for (const folder of ['participation', `participation/${edition}`]) {
      for (const territoire of ['france', 'region:53', 'departement:35', 'departement:2A']) {
        const file = read(`${folder}/${territoire.replace(':', '-')}.json`);
        assert.equal(file.publication.id, publicationId);
        assert.deepEqual(file, await api(`territoire=${territoire}`), `${folder} ${territoire}`);
      }
      for (const niveau of ['departement', 'region'] as const) {
        const file = read(`${folder}/carte/${niveau}.json`);
        assert.equal(file.territories.length, niveau === 'departement' ? departements.length : regions.length);
        assert.deepEqual(file, await api(`niveau=${niveau}`), `${folder} ${niveau}`);
      }
    }
    // The contributions sent: seven communes of Ille-et-Vilaine answered the cybersecurity questionnaire.
    const ille = read('participation/carte/departement.json').territories.find((one) => one.territory.id === 'departement:35')!;
    const communes = ille.themes.find((one) => one.theme === 'cybersecurite')!.kinds.find((one) => one.kind === 'commune')!;
    assert.equal(communes.respondents, 7);
    assert.ok(communes.total !== null && communes.total > 300, 'out of every commune of Ille-et-Vilaine');
    const participation = [...files.keys()].filter((path) => path.startsWith('participation/'));
    // France, 18 régions, 101 départements and two map levels, in the folder's edition and under its year: no commune nor EPCI.
    assert.equal(participation.length, 2 * (1 + regions.length + departements.length + 2));
    assert.ok(!participation.some((path) => /commune|epci/.test(path)));
  });

  test('a synthesis page per territory, reading the file beside it, as the server serves it', async () => {
    const pages = [...files.keys()].filter((path) => path.startsWith('synthese/') && path.endsWith('.html'));
    assert.equal(pages.length, 1 + regions.length + departements.length, 'France, each région and each département');
    const page = files.get('synthese/departement-35.html')!;
    assert.match(page, /<title>Ille-et-Vilaine — Synthèse du Baromètre numérique des collectivités<\/title>/);
    assert.match(page, /<meta name="description" content="Synthèse du Baromètre numérique des collectivités pour Ille-et-Vilaine : [^"]+" \/>/);
    assert.match(page, /<barometre-synthese publication="\.\." territoire="departement:35"><\/barometre-synthese>/);
    assert.match(page, new RegExp(`<script type="module" src="${LOADER}"></script>`));
    assert.match(page, /<link rel="stylesheet" href="synthese.css" \/>/);
    assert.match(page, /ses chiffres sont aussi dans departement-35\.json/);
    assert.doesNotMatch(page, /<script(?![^>]*\bsrc=)/);
    // The same page as the server's, but for where the figures and the code are read.
    const served = await (await fetch(`${server.url}/synthese/departement-35`)).text();
    const neutral = (html: string) =>
      html.replace(/ (api|publication)="[^"]*"/, ' source').replace(/src="[^"]*"/, 'src').replace(/href="[^"]*"/, 'href').replace(/aussi [^<]*\./, 'aussi');
    assert.equal(neutral(page), neutral(served));
    assert.equal(files.get('synthese/synthese.css'), await (await fetch(`${server.url}/synthese/synthese.css`)).text());
  });

  test('with a script-tag build to copy, the pages load its loader from cdn/ beside them: nothing else to host', async () => {
    const build = mkdtempSync(join(tmpdir(), 'barometre-build-'));
    const copy = mkdtempSync(join(tmpdir(), 'barometre-static-build-'));
    const store = await openStore(server.config);
    try {
      mkdirSync(join(build, 'chunks'));
      writeFileSync(join(build, 'barometre-widgets.js'), 'export const loader = 1;\n');
      writeFileSync(join(build, 'chunks', 'synthese-abc.js'), 'export const element = 1;\n');
      writeFileSync(join(build, 'chunks', 'synthese-abc.js.map'), '{}');
      await exportPublication({ store, out: copy, pages: { build } });
      const written = readTree(copy);
      assert.equal(written.get('cdn/barometre-widgets.js'), 'export const loader = 1;\n');
      assert.equal(written.get('cdn/chunks/synthese-abc.js'), 'export const element = 1;\n');
      assert.equal(written.has('cdn/chunks/synthese-abc.js.map'), false, 'source maps stay behind');
      assert.match(written.get('synthese/region-53.html')!, /<script type="module" src="\.\.\/cdn\/barometre-widgets\.js"><\/script>/);
      // Without pages, the JSON files alone.
      const bare = mkdtempSync(join(tmpdir(), 'barometre-static-bare-'));
      try {
        await exportPublication({ store, out: bare });
        const names = [...readTree(bare).keys()];
        assert.equal(names.filter((name) => name.endsWith('.html') || name.startsWith('cdn/')).length, 0);
      } finally {
        rmSync(bare, { recursive: true, force: true });
      }
    } finally {
      await store.close();
      rmSync(build, { recursive: true, force: true });
      rmSync(copy, { recursive: true, force: true });
    }
  });

  test('the open-data CSV: a header, a row per figure, numbers only where published', () => {
    const csvPath = `donnees/resultats-${publicationId}.csv`;
    const text = files.get(csvPath);
    assert.ok(text, `${csvPath} is missing`);
    assert.ok(!text.startsWith('\uFEFF'), 'UTF-8 without a byte order mark');
    const rows = csv;
    const header = rows[0]!;
    assert.deepEqual(header, OPEN_DATA_COLUMNS.map((column) => column.name));
    const records = rows.slice(1).map((row) => {
      assert.equal(row.length, header.length);
      return Object.fromEntries(header.map((name, index) => [name, row[index]!]));
    });
    assert.ok(records.length > 0);

    const numeric = OPEN_DATA_COLUMNS.filter((column) => column.type !== 'string').map((column) => column.name);
    const values = ['effectif', 'part', 'part_ensemble', 'ic_bas', 'ic_haut'];
    const seen = new Set<string>();
    for (const record of records) {
      assert.ok((FIGURE_STATUSES as readonly string[]).includes(record.statut!), record.statut);
      seen.add(record.statut!);
      assert.equal(record.publication, publicationId);
      for (const name of numeric) {
        if (record[name] !== '') assert.ok(Number.isFinite(Number(record[name])), `${name}=${record[name]}`);
      }
      if (record.statut === 'publie') {
        assert.notEqual(record.part, '');
        assert.notEqual(record.part_ensemble, '');
        assert.notEqual(record.n_question, '');
        assert.equal(record.effectif !== '', record.ponderation === 'brute', 'counts only for raw figures');
      } else {
        for (const name of values) assert.equal(record[name], '', `${name} of a ${record.statut} row`);
        if (record.statut === 'insuffisant' || record.statut === 'aucune') assert.equal(record.n_question, '');
      }
    }
    assert.deepEqual([...seen].sort(), ['aucune', 'insuffisant', 'masque', 'publie']);

    // Every theme, both weightings, each published question and answer code of each series.
    const keyOf = (r: Record<string, string>) => [r.theme, r.ponderation, r.serie, r.question, r.reponse].join('|');
    assert.equal(new Set(records.map(keyOf)).size, records.length, 'one row per theme, weighting, series, question and code');
    assert.deepEqual(new Set(records.map((r) => r.theme)), new Set(themes));

    // The same figures as the files.
    const file = JSON.parse(files.get('resultats/cybersecurite/brute/departement-35.json')!) as ResultsResponse;
    const rssi = file.series[0]!.questions.rssi!;
    const byKey = new Map(records.map((r) => [keyOf(r), r]));
    for (const [code, answer] of Object.entries(rssi.answers ?? {})) {
      const row = byKey.get(`cybersecurite|brute|departement:35|rssi|${code}`)!;
      assert.ok(row, code);
      assert.equal(row.statut, answer.status);
      assert.equal(row.niveau, 'departement');
      assert.equal(row.code_territoire, '35');
      assert.equal(row.serie_nom, 'Ille-et-Vilaine');
      assert.equal(row.n_question, String(rssi.n));
      if (answer.share !== null) assert.ok(Math.abs(Number(row.part) - answer.share) < 1e-9);
      if (answer.count !== null) assert.equal(Number(row.effectif), answer.count);
    }
    const finistere = records.filter((r) => r.theme === 'cybersecurite' && r.serie === 'departement:29');
    assert.ok(finistere.length > 0 && finistere.every((r) => r.statut === 'insuffisant' && r.n_serie === ''));
    const corse = records.filter((r) => r.theme === 'cybersecurite' && r.serie === 'departement:2A');
    assert.ok(corse.length > 0 && corse.every((r) => r.statut === 'aucune'));
    assert.ok(records.some((r) => r.niveau === 'groupe' && r.serie!.startsWith('groupe:commune')));
  });

  test('no SIRET, SIREN, e-mail nor free text in any file', () => {
    const secrets = new RegExp([SECRET_TEXT, SECRET_EMAIL, ...sirets].map((text) => text.replaceAll('.', '\\.')).join('|'));
    for (const [path, text] of files) assert.doesNotMatch(text, secrets, path);
    // No cell is a SIREN or a SIRET, nor holds an e-mail address.
    const identifying = /^\d{9}(\d{5})?$|[\w.+-]+@[\w-]+\.[\w.-]+/;
    for (const row of csv) for (const cell of row) assert.ok(!identifying.test(cell), cell);
  });

  test('the columns are described for people and for programs', () => {
    const schema = JSON.parse(files.get('donnees/colonnes.json')!) as { fields: { name: string; type: string; description: string }[] };
    assert.deepEqual(
      schema.fields.map((field) => field.name),
      OPEN_DATA_COLUMNS.map((column) => column.name),
    );
    for (const field of schema.fields) {
      assert.ok(['string', 'integer', 'number'].includes(field.type));
      assert.ok(field.description.length > 10);
    }
    const readme = files.get('donnees/LISEZMOI.md')!;
    for (const column of OPEN_DATA_COLUMNS) assert.ok(readme.includes(`\`${column.name}\``), column.name);
    for (const status of FIGURE_STATUSES) assert.ok(readme.includes(`\`${status}\``), status);
    assert.match(readme, /k = 5/);
    assert.match(readme, /Licence Ouverte/);
    assert.ok(readme.includes(`resultats-${publicationId}.csv`));
  });

  test('the command: usage, and the same files from the database the server leaves', { timeout: 120_000 }, async () => {
    const usage = await runPublish([], {});
    assert.equal(usage.status, 1);
    assert.match(usage.stderr, /--out <dir> is required/);
    assert.match(usage.stderr, /Usage: npm run publish -- --out <dir>/);

    await server.close({ keepFiles: true });
    closed = true;
    const database: Record<string, string> =
      server.databaseUrl === undefined ? { BAROMETRE_DB: server.config.databasePath } : { BAROMETRE_DATABASE_URL: server.databaseUrl };
    const second = mkdtempSync(join(tmpdir(), 'barometre-static-cli-'));
    try {
      const run = await runPublish(['--out', second, '--script', LOADER], database);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`Publication ${publicationId}`));
      const written = readTree(second);
      assert.deepEqual([...written.keys()].sort(), [...files.keys()].sort());
      for (const [path, text] of files) assert.equal(written.get(path), text, path);

      const missing = await cli(['--out', second, '--publication', '1999-01-01T00-00-00-000Z'], database);
      assert.equal(missing.status, 1);
      assert.match(missing.stderr, /No publication 1999-01-01T00-00-00-000Z/);
      const older = await cli(['--out', second, '--publication', olderId], database);
      assert.equal(older.status, 0, older.stderr);
      assert.equal(JSON.parse(readFileSync(join(second, 'publication.json'), 'utf8')).id, olderId);
    } finally {
      rmSync(second, { recursive: true, force: true });
      if (server.databaseUrl !== undefined) await dropTestDatabase(readFileSync(join(server.dir, 'postgres-database'), 'utf8').trim());
      rmSync(server.dir, { recursive: true, force: true });
    }
  });
});

describe(onStore('npm run publish: refusals'), () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'barometre-static-refusals-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('arguments it does not know, or --out without a folder', async () => {
    for (const args of [['--out'], ['--out', dir, '--force'], ['--out', dir, 'extra'], ['--out', dir, '--publication', '']]) {
      const run = await cli(args, { BAROMETRE_DB: join(dir, 'none.db') });
      assert.equal(run.status, 1, args.join(' '));
      assert.match(run.stderr, /Usage: npm run publish/, args.join(' '));
    }
    const help = await cli(['--help'], {});
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--publication <id>/);
  });

  test('a database without any publication yet: what to do', async () => {
    const database = join(dir, 'empty.db');
    await SqliteContributionStore.open({ path: database }).close();
    const run = await cli(['--out', join(dir, 'out')], { BAROMETRE_DB: database });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /No publication/);
    assert.match(run.stderr, /POST \/api\/v1\/admin\/publications/);
    assert.ok(!existsSync(join(dir, 'out', 'publication.json')));
  });

  test('a folder it cannot write into', async () => {
    const database = join(dir, 'one.db');
    const store = SqliteContributionStore.open({ path: database });
    await store.savePublication({
      id: '2026-01-01T00-00-00-000Z',
      publishedAt: '2026-01-01T00:00:00.000Z',
      edition: '2026',
      contributions: 0,
      figures: gzipSync(JSON.stringify({ id: '2026-01-01T00-00-00-000Z', publishedAt: '2026-01-01T00:00:00.000Z', contributions: 0, minCell: 5, themes: {} })),
      ledger: gzipSync('{}'),
    });
    await store.close();
    writeFileSync(join(dir, 'a-file'), '');
    const run = await cli(['--out', join(dir, 'a-file')], { BAROMETRE_DB: database });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /Cannot write under .*a-file/);
  });

  test('no database where the environment says', async () => {
    const run = await cli(['--out', join(dir, 'out')], { BAROMETRE_DB: join(dir, 'absent.db') });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /No database at .*absent\.db/);
    assert.ok(!existsSync(join(dir, 'absent.db')), 'no empty database created');
  });

  test('a bad setting stops it with the server’s message', async () => {
    const run = await cli(['--out', join(dir, 'out')], { BAROMETRE_DATABASE_URL: 'mysql://nope' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /BAROMETRE_DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
  });

  test('run by npm after publishing the package itself, it does nothing', async () => {
    const run = await cli([], { npm_command: 'publish' });
    assert.equal(run.status, 0);
    assert.match(run.stdout, /skipped/);
  });
});
