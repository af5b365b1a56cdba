import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ThemeId } from '../../core/schema/questionnaire.js';
import { themeTitles } from '../../questionnaires/theme-titles.js';
import { AttestationError, portalIssuer } from '../attestation/verify.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import { bearerToken } from '../security/tokens.js';
import { resolveMembers, unknownTerritories, type Member } from '../participation/members.js';
import { membersCsv, type MemberStatus } from '../participation/members-csv.js';
import { participationMessages } from '../participation/messages.js';
import { MembersTokenVerifier, membersAudience } from '../participation/portal-token.js';

/** Status reads in flight at once: a member list reads one per member and theme. */
const STATUS_CONCURRENCY = 8;

function tokenError(error: AttestationError): ApiError {
  if (error.reason === 'expired') {
    return new ApiError(401, 'portal_token_expired', { message: (lang) => participationMessages(lang, 'portal_token_expired') });
  }
  if (error.reason === 'keys_unavailable') {
    return new ApiError(503, 'portal_keys_unavailable', {
      message: (lang) => participationMessages(lang, 'portal_keys_unavailable'),
      headers: { 'retry-after': '30' },
    });
  }
  const details = { reason: error.reason, ...(error.claim ? { claim: error.claim } : {}) };
  return new ApiError(401, 'portal_token_invalid', {
    message: (lang) => participationMessages(lang, 'portal_token_invalid', { reason: error.claim ? `${error.reason}: ${error.claim}` : error.reason }),
    details,
  });
}

/** Runs `work` on every item, `limit` at a time, keeping the order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * `GET /participation/membres` (JSON) and `GET /participation/membres.csv`: an OPSN portal's
 * member collectivités with, per theme, whether each has answered — to relaunch those that have
 * not. The portal proves itself with a short token signed by its registered key (see
 * `portal-token.ts`); it sees its own members only, as the operator configured them, and never an
 * answer. Whether a collectivité has answered is read live (the same fact as the public
 * `GET /contributions/:siret/:theme`): a collectivité that answered a minute ago is not relaunched.
 */
export function participationMembersRoutes(app: FastifyInstance, context: ServerContext): void {
  const { config, referential } = context;
  const lists = new Map((config.portalMembers ?? []).map((list) => [list.portal, list]));
  for (const list of lists.values()) {
    const unknown = unknownTerritories(list, referential);
    if (unknown.length > 0) throw new Error(`BAROMETRE_PORTAL_MEMBERS: portal ${list.portal} names unknown territories: ${unknown.join(', ')}`);
  }
  // Every registered portal: one without a list is told so (403) rather than not recognised.
  const verifier = new MembersTokenVerifier(config.portals.map(portalIssuer), membersAudience(config.attestationAudience));
  const resolved = new Map<string, Member[]>();

  async function membersOf(request: FastifyRequest): Promise<{ portal: string; themes: ThemeId[]; members: MemberStatus[] }> {
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      throw new ApiError(401, 'portal_token_missing', {
        message: (lang) => participationMessages(lang, 'portal_token_missing', { audience: verifier.audience }),
        headers: { 'www-authenticate': 'Bearer' },
      });
    }
    let portal: string;
    try {
      portal = await verifier.verify(token);
    } catch (error) {
      if (error instanceof AttestationError) throw tokenError(error);
      throw error;
    }
    const list = lists.get(portal);
    if (list === undefined) {
      throw new ApiError(403, 'portal_members_unknown', { message: (lang) => participationMessages(lang, 'portal_members_unknown', { portal }) });
    }
    let members = resolved.get(portal);
    if (members === undefined) resolved.set(portal, (members = resolveMembers(list, referential)));
    const themes = Object.keys(context.definitions) as ThemeId[];
    const statuses = await mapLimited(members, STATUS_CONCURRENCY, async (member): Promise<MemberStatus> => {
      const answered: Partial<Record<ThemeId, boolean>> = {};
      for (const theme of themes) {
        // Answered in the edition the theme's questionnaire is about now, as the questionnaire itself asks.
        const { edition } = context.editions.status(theme, context.now()).wave;
        answered[theme] = (await context.store.status(member.siren, theme, edition)).exists;
      }
      return { ...member, answered };
    });
    return { portal, themes, members: statuses };
  }

  app.get('/participation/membres', async (request, reply) => {
    const { portal, themes, members } = await membersOf(request);
    void reply.header('cache-control', 'no-store');
    return {
      portal,
      edition: context.publisher.currentEdition(),
      themes: themes.map((theme) => ({
        theme,
        title: themeTitles[theme].title,
        answered: members.filter((member) => member.answered[theme]).length,
      })),
      members,
    };
  });

  app.get('/participation/membres.csv', async (request, reply) => {
    const { portal, themes, members } = await membersOf(request);
    return reply
      .header('content-type', 'text/csv; charset=utf-8; header=present')
      .header('content-disposition', `attachment; filename="barometre-adherents-${portal}.csv"`)
      .header('cache-control', 'no-store')
      .send(membersCsv(themes, members));
  });
}
