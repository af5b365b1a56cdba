import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadToolConfig } from '../../config.js';
import { describeStore, openStore } from '../../store/open.js';
import { exportPublication, LOADER_FILE } from './export.js';
import { NoPublicationError } from './source.js';

/**
 * `npm run publish -- --out <dir> [--publication <id>]`: writes a stored publication (the latest
 * by default) as static files, read from the database the server's environment names
 * (`BAROMETRE_DB`, or `BAROMETRE_DATABASE_URL`).
 */

export const USAGE = `Usage: npm run publish -- --out <dir> [--publication <id>] [--script <url>]

Writes a publication of the results as static files under <dir>: the JSON files elements read
with publication="<base URL of dir>", a synthesis page per territory under synthese/, the
open-data CSV under donnees/, and publication.json.
  --out <dir>          folder to write into (created when missing; files already there are replaced)
  --publication <id>   a publication listed by GET /api/v1/publications (default: the latest)
  --script <url>       the script-tag loader the synthesis pages load (default: the built one,
                       copied under cdn/; \`npm run build\` makes it)
The database is the server's: BAROMETRE_DB (SQLite file) or BAROMETRE_DATABASE_URL (PostgreSQL).`;

/** The script-tag build of this repository, which \`npm run build\` writes. */
const SCRIPT_BUILD = fileURLToPath(new URL('../../../../dist/cdn/', import.meta.url));

interface Output {
  log(message: string): void;
  error(message: string): void;
}

/** Runs the command; returns its exit status. */
export async function runPublishCli(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  output: Output = console,
): Promise<number> {
  // npm runs a script named `publish` after `npm publish` uploads the package too: nothing to export then.
  if (env.npm_command === 'publish') {
    output.log('npm publish: the static export runs with `npm run publish -- --out <dir>`; skipped.');
    return 0;
  }
  let values: { out?: string; publication?: string; script?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { out: { type: 'string' }, publication: { type: 'string' }, script: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    output.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 1;
  }
  if (values.help) {
    output.log(USAGE);
    return 0;
  }
  if (values.out === undefined || values.out.trim() === '') {
    output.error(`--out <dir> is required.\n\n${USAGE}`);
    return 1;
  }
  if (values.publication !== undefined && values.publication.trim() === '') {
    output.error(`--publication needs an id.\n\n${USAGE}`);
    return 1;
  }
  if (values.script !== undefined && values.script.trim() === '') {
    output.error(`--script needs the loader's URL.\n\n${USAGE}`);
    return 1;
  }
  const pages = values.script !== undefined ? { script: values.script.trim() } : existsSync(join(SCRIPT_BUILD, LOADER_FILE)) ? { build: SCRIPT_BUILD } : undefined;

  const config = loadToolConfig(env, output);
  if (config === undefined) return 1;
  // Opening a SQLite file that does not exist would create an empty database: say what is wrong instead.
  if (config.postgres === undefined && config.databasePath !== ':memory:' && !existsSync(config.databasePath)) {
    output.error(`No database at ${config.databasePath}: set BAROMETRE_DB to the server's SQLite file, or BAROMETRE_DATABASE_URL.`);
    return 1;
  }

  let store;
  try {
    store = await openStore(config);
  } catch (error) {
    output.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  const out = resolve(values.out);
  try {
    const manifest = await exportPublication({
      store,
      out,
      ...(values.publication !== undefined ? { publicationId: values.publication.trim() } : {}),
      ...(pages !== undefined ? { pages } : {}),
    });
    output.log(
      `Publication ${manifest.id} (${manifest.publishedAt}, ${manifest.contributions} contributions, k = ${manifest.minCell}) ` +
        `from ${describeStore(config)}: ${manifest.files + 1} files written under ${out}`,
    );
    if (pages === undefined) {
      output.log('No synthesis pages: the script-tag build is missing (run `npm run build`, or pass --script <url>); the JSON files are complete.');
    }
    return 0;
  } catch (error) {
    if (error instanceof NoPublicationError) {
      output.error(error.message);
      return 1;
    }
    // A folder that cannot be written (a file in the way, no permission, a full disk).
    if (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).syscall) {
      output.error(`Cannot write under ${out}: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

// Started directly (`tsx src/server/publication/export/cli.ts`), not imported.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runPublishCli(process.argv.slice(2), process.env).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exitCode = 1;
    },
  );
}
