import * as z from 'zod/mini';
import {
  SharedDraftCreated,
  SharedDraftView,
  SharedDraftWritten,
  type SharedDraftAuthor,
  type SharedDraftChange,
} from '../../../core/schema/shared-draft.js';
import type { Answers } from '../../../core/schema/questionnaire.js';
import type { Lang } from '../../../core/schema/text.js';

/** A refusal of the API, or a network failure (`status: 0`), as data. */
export interface SharingProblem {
  status: number;
  error: string;
  message: string;
  details?: Record<string, unknown>;
}

export type SharingResult<T> = { ok: true; value: T } | { ok: false; problem: SharingProblem };

const ErrorBody = z.object({ error: z.string(), message: z.string(), details: z.optional(z.record(z.string(), z.unknown())) });
const Read = z.object({ draft: SharedDraftView });

/** Where one questionnaire's shared draft lives: the API, the collectivité, the theme. */
export interface SharingTarget {
  api: string;
  lang: Lang;
  siret: string;
  theme: string;
}

/** `fetch` injected, for tests. */
export type Fetch = typeof fetch;

/** The calls of `/brouillons/:siret/:theme`, every answer checked against its schema. */
export class SharingClient {
  constructor(
    private readonly target: SharingTarget,
    private readonly fetchImpl: Fetch = (...args) => fetch(...args),
  ) {}

  create(version: string, author: SharedDraftAuthor, answers: Answers): Promise<SharingResult<SharedDraftCreated>> {
    return this.call('POST', SharedDraftCreated, undefined, { version, author, answers });
  }

  read(code: string): Promise<SharingResult<{ draft: SharedDraftView }>> {
    return this.call('GET', Read, code);
  }

  write(code: string, author: SharedDraftAuthor, changes: SharedDraftChange[]): Promise<SharingResult<SharedDraftWritten>> {
    return this.call('PATCH', SharedDraftWritten, code, { author, changes });
  }

  private async call<T>(method: string, schema: z.ZodMiniType<T>, code?: string, body?: unknown): Promise<SharingResult<T>> {
    const { api, lang, siret, theme } = this.target;
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': lang };
    if (code !== undefined) headers.authorization = `Bearer ${code.trim().replace(/\s+/g, '')}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchImpl(`${api.replace(/\/$/, '')}/brouillons/${siret}/${encodeURIComponent(theme)}`, {
        method,
        headers,
        cache: 'no-store',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      return { ok: false, problem: { status: 0, error: 'network', message: error instanceof Error ? error.message : String(error) } };
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const parsed = ErrorBody.safeParse(json);
      return {
        ok: false,
        problem: parsed.success
          ? { status: response.status, error: parsed.data.error, message: parsed.data.message, ...(parsed.data.details ? { details: parsed.data.details } : {}) }
          : { status: response.status, error: 'http_error', message: `HTTP ${response.status}` },
      };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) return { ok: false, problem: { status: response.status, error: 'invalid_response', message: 'invalid response' } };
    return { ok: true, value: parsed.data };
  }
}
