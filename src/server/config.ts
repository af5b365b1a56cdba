import { resolve } from 'node:path';
import * as z from 'zod';
import { MIN_CELL_FLOOR } from '../core/schema/results.js';
import { PortalKeysVariable, type PortalKeys } from './attestation/portal-keys.js';
import type { EditionDefinition } from '../core/schema/edition.js';
import { BUILT_IN_EDITIONS } from './editions/catalogue.js';
import { readEditionsFile } from './editions/editions-file.js';
import { readGroupementsFile, type GroupementsFile } from './referential/groupements-file.js';
import { PortalMembersVariable, type PortalMembers } from './participation/members-config.js';
import { DEFAULT_PENDING_LIMITS, type PendingLimits } from './store/types.js';

/**
 * The server's settings, read from environment variables by {@link loadConfig} or built directly
 * by tests and benchmarks. Every value is checked at start so a typo stops the server with a
 * message instead of running with a surprise.
 */

/** Where static files are served from; a folder that does not exist is simply not served. */
export interface StaticRoots {
  /** Demo pages, served at `/`. */
  demo: string;
  /** The script-tag build, served at `/cdn/`. */
  cdn: string;
  /** Browser referential artefacts, served at `/referential/`. */
  referential: string;
  /**
   * Installed packages (`node_modules`), of which only Lit's are served, at `/demo-modules/`, and
   * only along with the demo: the demo page of a host that brought its own copy of Lit imports it
   * from there, as published.
   */
  demoModules?: string;
}

/** Where and how to reach PostgreSQL, when it replaces the embedded SQLite file. */
export interface PostgresSettings {
  /** A `postgres://` or `postgresql://` URL. It usually holds a password: never log it. */
  url: string;
  /** Connections each instance keeps at most. */
  poolSize: number;
}

/** ProConnect (OpenID Connect) sign-in, when configured. */
export interface OidcSettings {
  /** The provider's issuer URL; its discovery document is read from there. */
  issuer: string;
  clientId: string;
  /** Never logged. Also the secret from which the server's own attestations are signed. */
  clientSecret: string;
  /** The server's public address (scheme and host), where the provider sends the browser back. */
  publicUrl: string;
}

/** Shared drafts ("Partager avec un collègue"), when a key is configured. */
export interface SharedDraftSettings {
  /** 32 random bytes: the answers of shared drafts are encrypted at rest with a key derived from them. Never logged. */
  key: Buffer;
  /** How long a shared draft lives after it is created, in milliseconds. */
  ttlMs: number;
}

/** How the database is filled when it starts empty. */
export type SeedMode = 'none' | 'synthetic';

/** Everything {@link createServer} needs to know. */
export interface ServerConfig {
  port: number;
  host: string;
  /** SQLite database file; `:memory:` keeps everything in memory (tests and benchmarks only). */
  databasePath: string;
  /**
   * PostgreSQL instead of the SQLite file at `databasePath`, which is then ignored: several
   * instances may share one database.
   */
  postgres?: PostgresSettings;
  seed: SeedMode;
  /** Origins allowed to call the API from a browser, besides the server's own. */
  allowedOrigins: string[];
  /** Bearer token of the administrator; absent means export and administration are closed. */
  adminToken?: string;
  /** Smallest number of respondents a published cell may have. */
  minCell: number;
  /** Between scheduled publications, in milliseconds; 0 publishes only on demand (and at start when none exists). */
  publicationIntervalMs: number;
  /** Writes a client may make per minute. */
  writesPerMinute: number;
  /** Reads a client may make per minute (results are computed on demand, so not unlimited). */
  readsPerMinute: number;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  staticRoots: StaticRoots;
  /** Fastify's request log; off by default in tests. */
  logger: boolean;
  /**
   * Which proxies to believe about the client's address (`X-Forwarded-For`), as Fastify's
   * `trustProxy`: behind a reverse proxy, without it every client shares the proxy's rate limit.
   */
  trustProxy: boolean | number | string[];
  /** The OPSN portals whose attestations make a contribution verified, with their public keys. */
  portals: PortalKeys[];
  /** The `aud` every attestation must name: this deployment. */
  attestationAudience: string;
  /** The members of the portals that may read their member list (`BAROMETRE_PORTAL_MEMBERS`). */
  portalMembers?: PortalMembers[];
  /** Whether publications count unverified contributions. */
  countUnverified: boolean;
  /** How many submissions the review queue holds at most. */
  pendingLimits: PendingLimits;
  /** ProConnect sign-in; absent when not configured. */
  oidc?: OidcSettings;
  /**
   * The operator's list of groupings (syndicats, PETR…), read and checked at start; without it,
   * a SIRET of a local public body the referential does not know cannot be placed.
   */
  groupements?: GroupementsFile;
  /**
   * The base URL of the State's "Recherche d'entreprises" API (or a service answering like it),
   * asked before the offline resolver; absent, SIRETs are resolved offline only.
   */
  siretRegister?: string;
  /**
   * Shared drafts; absent (no `BAROMETRE_SHARED_DRAFT_KEY`), sharing is off: its routes answer 503
   * and the questionnaire does not offer it. Drafts then stay on each device.
   */
  sharedDrafts?: SharedDraftSettings;
  /**
   * The editions' calendar when the operator moved some waves (`BAROMETRE_EDITIONS_FILE`), read
   * and checked at start; absent, the release's own (`src/questionnaires/editions.ts`).
   */
  editions?: readonly EditionDefinition[];
  /**
   * Free space, in bytes, below which the SQLite file's disk makes the instance not ready
   * (`/api/v1/health/ready`); writes would soon fail. Defaults to 100 MB.
   */
  minFreeDiskBytes?: number;
}

/** How many days a shared draft lives by default. */
export const DEFAULT_SHARED_DRAFT_DAYS = 30;

/** Default of {@link ServerConfig.minFreeDiskBytes}. */
export const DEFAULT_MIN_FREE_DISK_BYTES = 100 * 1024 * 1024;

/** `15m`, `1h`, `1d`… as milliseconds; `0` alone means never. */
const DURATION = /^(\d+)\s*(s|m|h|d)$/;
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Scheduled publications closer than this would spend the server's time computing them. */
const MIN_PUBLICATION_INTERVAL_MS = 60_000;

const ORIGIN = /^https?:\/\/[^/\s?#]+$/;

/**
 * A PostgreSQL connection URL (`postgres://user:password@host:port/database?options`) as `pg`
 * reads it, or `undefined`. Like `pg`, it takes a user with no host (`postgres://user@/db?host=/run/postgresql`,
 * a Unix socket), which WHATWG URLs refuse.
 */
export function readDatabaseUrl(value: string): URL | undefined {
  const candidate = URL.canParse(value) ? value : value.replace('@/', '@localhost/');
  if (!URL.canParse(candidate)) return undefined;
  const url = new URL(candidate);
  return url.protocol === 'postgres:' || url.protocol === 'postgresql:' ? url : undefined;
}

function integerIn(name: string, min: number, max: number) {
  return z
    .string()
    .trim()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`));
}

function onOff(name: string) {
  return z
    .enum(['on', 'off', 'true', 'false'], { message: `${name} must be "on" or "off"` })
    .default('on')
    .transform((value) => value === 'on' || value === 'true');
}

const EnvSchema = z.object({
  PORT: integerIn('PORT', 0, 65535).default(8080),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  BAROMETRE_DB: z.string().trim().min(1, 'BAROMETRE_DB cannot be empty').default('./data/barometre.db'),
  // The URL holds a password: the message says what is expected and never repeats the value.
  BAROMETRE_DATABASE_URL: z
    .string()
    .trim()
    .refine(
      (value) => readDatabaseUrl(value) !== undefined,
      'BAROMETRE_DATABASE_URL must be a postgres:// or postgresql:// URL, such as postgres://barometre:password@db.example:5432/barometre (percent-encode special characters of the password)',
    )
    .optional(),
  BAROMETRE_DATABASE_POOL: integerIn('BAROMETRE_DATABASE_POOL', 1, 1000).default(10),
  BAROMETRE_SEED: z
    .enum(['none', 'synthetic'], { message: 'BAROMETRE_SEED must be "none" or "synthetic"' })
    .default('synthetic'),
  BAROMETRE_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim().replace(/\/$/, ''))
        .filter((origin) => origin !== ''),
    )
    .pipe(
      z.array(
        z.string().regex(ORIGIN, 'each of BAROMETRE_ORIGINS must be an origin such as https://www.example.fr (scheme and host, no path)'),
      ),
    ),
  // A short token can be guessed: ask for one worth the name.
  BAROMETRE_ADMIN_TOKEN: z
    .string()
    .min(24, 'BAROMETRE_ADMIN_TOKEN must have at least 24 characters (e.g. `openssl rand -hex 24`)')
    .optional(),
  BAROMETRE_MIN_CELL: integerIn('BAROMETRE_MIN_CELL', MIN_CELL_FLOOR, 1000).default(5),
  BAROMETRE_PUBLICATION_INTERVAL: z
    .string()
    .trim()
    .default('1h')
    .transform((value, ctx): number => {
      if (value === '0') return 0;
      const match = DURATION.exec(value);
      const ms = match ? Number(match[1]) * UNIT_MS[match[2]!]! : Number.NaN;
      if (ms >= MIN_PUBLICATION_INTERVAL_MS && ms <= 366 * UNIT_MS.d!) return ms;
      ctx.addIssue({
        code: 'custom',
        message:
          'BAROMETRE_PUBLICATION_INTERVAL must be a duration from 1m to 366d such as 15m, 1h or 1d, or 0 to publish only on demand',
      });
      return z.NEVER;
    }),
  BAROMETRE_RATE_LIMIT: integerIn('BAROMETRE_RATE_LIMIT', 1, 100000).default(30),
  BAROMETRE_LOG: z.enum(['on', 'off'], { message: 'BAROMETRE_LOG must be "on" or "off"' }).default('on'),
  BAROMETRE_TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .transform((value, ctx): boolean | number | string[] => {
      if (value === 'false') return false;
      if (value === 'true') return true;
      if (/^\d+$/.test(value)) return Number(value);
      const addresses = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
      if (addresses.length > 0 && addresses.every((item) => /^[0-9a-fA-F.:/]+$/.test(item))) return addresses;
      ctx.addIssue({
        code: 'custom',
        message: 'BAROMETRE_TRUST_PROXY must be "true", "false", a number of proxy hops, or comma-separated proxy addresses',
      });
      return z.NEVER;
    }),
  BAROMETRE_PORTAL_KEYS: PortalKeysVariable,
  BAROMETRE_PORTAL_MEMBERS: PortalMembersVariable,
  BAROMETRE_ATTESTATION_AUDIENCE: z
    .string()
    .trim()
    .regex(/^[\x21-\x7e]{1,200}$/, 'BAROMETRE_ATTESTATION_AUDIENCE must be 1 to 200 visible ASCII characters, such as https://barometre.example.org')
    .default('barometre'),
  BAROMETRE_COUNT_UNVERIFIED: onOff('BAROMETRE_COUNT_UNVERIFIED'),
  BAROMETRE_PENDING_PER_COLLECTIVITE: integerIn('BAROMETRE_PENDING_PER_COLLECTIVITE', 1, 100).default(DEFAULT_PENDING_LIMITS.perCollectivite),
  BAROMETRE_PENDING_MAX: integerIn('BAROMETRE_PENDING_MAX', 1, 10_000_000).default(DEFAULT_PENDING_LIMITS.overall),
  BAROMETRE_MIN_FREE_DISK_MB: integerIn('BAROMETRE_MIN_FREE_DISK_MB', 0, 10_000_000).default(DEFAULT_MIN_FREE_DISK_BYTES / 1024 / 1024),
  BAROMETRE_GROUPEMENTS: z
    .string()
    .trim()
    .transform((value, ctx): GroupementsFile => {
      const file = readGroupementsFile(value);
      if (typeof file !== 'string') return file;
      ctx.addIssue({ code: 'custom', message: `BAROMETRE_GROUPEMENTS: ${file}` });
      return z.NEVER;
    })
    .optional(),
  BAROMETRE_EDITIONS_FILE: z
    .string()
    .trim()
    .transform((value, ctx): EditionDefinition[] => {
      const editions = readEditionsFile(value, BUILT_IN_EDITIONS);
      if (typeof editions !== 'string') return editions;
      ctx.addIssue({ code: 'custom', message: `BAROMETRE_EDITIONS_FILE: ${editions}` });
      return z.NEVER;
    })
    .optional(),
  BAROMETRE_SIRET_REGISTER: z
    .string()
    .trim()
    .transform((value) => value.replace(/\/$/, ''))
    .refine(
      (value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol),
      'BAROMETRE_SIRET_REGISTER must be the base URL of the "Recherche d\'entreprises" API, such as https://recherche-entreprises.api.gouv.fr',
    )
    .optional(),
  BAROMETRE_OIDC_ISSUER: z
    .string()
    .trim()
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'BAROMETRE_OIDC_ISSUER must be the provider\'s issuer URL')
    .optional(),
  BAROMETRE_OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
  // A secret: the message never repeats it.
  BAROMETRE_OIDC_CLIENT_SECRET: z.string().min(16, 'BAROMETRE_OIDC_CLIENT_SECRET must have at least 16 characters').optional(),
  // A secret: the message never repeats it.
  BAROMETRE_SHARED_DRAFT_KEY: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, 'BAROMETRE_SHARED_DRAFT_KEY must be 32 random bytes written in hex, 64 characters (e.g. `openssl rand -hex 32`)')
    .transform((value) => Buffer.from(value, 'hex'))
    .optional(),
  BAROMETRE_SHARED_DRAFT_DAYS: integerIn('BAROMETRE_SHARED_DRAFT_DAYS', 1, 365).default(DEFAULT_SHARED_DRAFT_DAYS),
  BAROMETRE_PUBLIC_URL: z
    .string()
    .trim()
    .transform((value) => value.replace(/\/$/, ''))
    .pipe(z.string().regex(ORIGIN, 'BAROMETRE_PUBLIC_URL must be the server\'s public origin, such as https://barometre.example.org'))
    .optional(),
});

/** The OpenID Connect settings: all of them or none, or one line saying which are missing. */
function oidcSettings(values: z.infer<typeof EnvSchema>): OidcSettings | string | undefined {
  const given = {
    BAROMETRE_OIDC_ISSUER: values.BAROMETRE_OIDC_ISSUER,
    BAROMETRE_OIDC_CLIENT_ID: values.BAROMETRE_OIDC_CLIENT_ID,
    BAROMETRE_OIDC_CLIENT_SECRET: values.BAROMETRE_OIDC_CLIENT_SECRET,
    BAROMETRE_PUBLIC_URL: values.BAROMETRE_PUBLIC_URL,
  };
  const missing = Object.entries(given)
    .filter(([, value]) => value === undefined)
    .map(([name]) => name);
  // The public URL alone turns nothing on.
  if (missing.filter((name) => name.startsWith('BAROMETRE_OIDC_')).length === 3) return undefined;
  if (missing.length > 0) return `- ProConnect sign-in needs ${missing.join(', ')} as well (or none of the BAROMETRE_OIDC_ variables)`;
  return {
    issuer: values.BAROMETRE_OIDC_ISSUER!,
    clientId: values.BAROMETRE_OIDC_CLIENT_ID!,
    clientSecret: values.BAROMETRE_OIDC_CLIENT_SECRET!,
    publicUrl: values.BAROMETRE_PUBLIC_URL!,
  };
}

/** The folders served as static files by default, relative to the current directory. */
export function defaultStaticRoots(base = process.cwd()): StaticRoots {
  return {
    demo: resolve(base, 'demo'),
    cdn: resolve(base, 'dist/cdn'),
    referential: resolve(base, 'generated/referential'),
    demoModules: resolve(base, 'node_modules'),
  };
}

/** Settings for tests and benchmarks: in-memory database, no seed, generous limits, quiet. */
export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    databasePath: ':memory:',
    seed: 'none',
    allowedOrigins: [],
    minCell: 5,
    publicationIntervalMs: 0,
    writesPerMinute: 10000,
    readsPerMinute: 100000,
    bodyLimit: 64 * 1024,
    staticRoots: defaultStaticRoots(),
    logger: false,
    trustProxy: false,
    portals: [],
    attestationAudience: 'barometre',
    countUnverified: true,
    pendingLimits: DEFAULT_PENDING_LIMITS,
    ...overrides,
  };
}

/** A configuration error, with one line per bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * The configuration for a command-line tool (backup, check, static publication): a setting that
 * is wrong is said on `output`, and the tool then exits with 1 rather than a stack trace.
 */
export function loadToolConfig(env: Record<string, string | undefined>, output: { error(line: string): void }): ServerConfig | undefined {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    output.error(error.message);
    return undefined;
  }
}

/**
 * Reads the settings from environment variables. Empty variables count as unset, as shells and
 * compose files often leave them empty. Throws a {@link ConfigError} naming every bad value.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.') || 'environment';
      return issue.message.startsWith(name) ? `- ${issue.message}` : `- ${name}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const values = parsed.data;
  const oidc = oidcSettings(values);
  if (typeof oidc === 'string') throw new ConfigError(`Invalid configuration:\n${oidc}`);
  const config: ServerConfig = {
    port: values.PORT,
    host: values.HOST,
    databasePath: values.BAROMETRE_DB === ':memory:' ? ':memory:' : resolve(values.BAROMETRE_DB),
    seed: values.BAROMETRE_SEED,
    allowedOrigins: values.BAROMETRE_ORIGINS,
    minCell: values.BAROMETRE_MIN_CELL,
    publicationIntervalMs: values.BAROMETRE_PUBLICATION_INTERVAL,
    writesPerMinute: values.BAROMETRE_RATE_LIMIT,
    // Reads are cheap for a person and costly only in bulk: allow far more than writes.
    readsPerMinute: Math.max(600, values.BAROMETRE_RATE_LIMIT * 20),
    bodyLimit: 64 * 1024,
    staticRoots: defaultStaticRoots(),
    logger: values.BAROMETRE_LOG === 'on',
    trustProxy: values.BAROMETRE_TRUST_PROXY,
    portals: values.BAROMETRE_PORTAL_KEYS,
    attestationAudience: values.BAROMETRE_ATTESTATION_AUDIENCE,
    countUnverified: values.BAROMETRE_COUNT_UNVERIFIED,
    pendingLimits: { perCollectivite: values.BAROMETRE_PENDING_PER_COLLECTIVITE, overall: values.BAROMETRE_PENDING_MAX },
    minFreeDiskBytes: values.BAROMETRE_MIN_FREE_DISK_MB * 1024 * 1024,
  };
  if (oidc !== undefined) config.oidc = oidc;
  if (values.BAROMETRE_GROUPEMENTS !== undefined) config.groupements = values.BAROMETRE_GROUPEMENTS;
  if (values.BAROMETRE_SIRET_REGISTER !== undefined) config.siretRegister = values.BAROMETRE_SIRET_REGISTER;
  if (values.BAROMETRE_EDITIONS_FILE !== undefined) config.editions = values.BAROMETRE_EDITIONS_FILE;
  const unregistered = values.BAROMETRE_PORTAL_MEMBERS.filter((list) => !values.BAROMETRE_PORTAL_KEYS.some((portal) => portal.name === list.portal));
  if (unregistered.length > 0) {
    const names = unregistered.map((list) => list.portal).join(', ');
    throw new ConfigError(`Invalid configuration:\n- BAROMETRE_PORTAL_MEMBERS names portals without keys in BAROMETRE_PORTAL_KEYS: ${names}`);
  }
  if (values.BAROMETRE_PORTAL_MEMBERS.length > 0) config.portalMembers = values.BAROMETRE_PORTAL_MEMBERS;
  if (values.BAROMETRE_SHARED_DRAFT_KEY !== undefined) {
    config.sharedDrafts = { key: values.BAROMETRE_SHARED_DRAFT_KEY, ttlMs: values.BAROMETRE_SHARED_DRAFT_DAYS * UNIT_MS.d! };
  }
  if (values.BAROMETRE_ADMIN_TOKEN !== undefined) config.adminToken = values.BAROMETRE_ADMIN_TOKEN;
  if (values.BAROMETRE_DATABASE_URL !== undefined) {
    config.postgres = { url: values.BAROMETRE_DATABASE_URL, poolSize: values.BAROMETRE_DATABASE_POOL };
  }
  return config;
}
