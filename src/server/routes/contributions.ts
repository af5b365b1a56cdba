import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import * as z from 'zod/mini';
import { findQuestion, normalizeAnswers, problemMessage, serializeAnswers, validateContribution } from '../../core/questionnaire/index.js';
import type { Problem } from '../../core/questionnaire/index.js';
import { ContributionSubmission } from '../../core/schema/contribution.js';
import { toFieldErrors } from '../../core/schema/errors.js';
import type { Collectivite } from '../../core/schema/collectivite.js';
import type { QuestionnaireDefinition } from '../../core/schema/questionnaire.js';
import type { Lang } from '../../core/schema/text.js';
import { AttestationError, type Attestation } from '../attestation/verify.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import { requestLang } from '../http/lang.js';
import { themeParam } from '../http/params.js';
import { attestationError, refusalError } from '../http/submission-errors.js';
import { openWaveOrRefuse } from '../editions/wave-errors.js';
import { placementOf } from '../referential/placement.js';
import { clientDigest } from '../security/client-digest.js';
import { newEditCode, readEditCode } from '../security/edit-codes.js';
import { IDEMPOTENCY_KEY_PATTERN, requestDigest } from '../security/idempotency.js';
import { bearerToken, hashToken } from '../security/tokens.js';
import type { ContributionInput, StoredResponse, SubmitOutcome } from '../store/types.js';
import { resolveCollectivite } from './collectivites.js';

/** Longest attestation accepted: a JWT with a few claims is well under 2 kB. */
const MAX_ATTESTATION_LENGTH = 8192;

/**
 * The submission envelope. Answers are taken as they come: their shapes are the engine's to
 * judge, so that every problem is reported by question id rather than as a schema path.
 * `attestation` is the token an OPSN portal (or a ProConnect sign-in) gave to vouch for the
 * respondent; `review: true` sends the answers for review knowingly, whatever edit code came.
 */
const Envelope = z.extend(ContributionSubmission, {
  answers: z.record(z.string(), z.unknown()),
  attestation: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_ATTESTATION_LENGTH))),
  review: z.optional(z.boolean()),
});
type Envelope = z.infer<typeof Envelope>;

interface ContributionParams {
  siret: string;
  theme: string;
}

function idempotencyKeyOf(request: FastifyRequest): string {
  const header = request.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || key === '') throw new ApiError(400, 'idempotency_key_required');
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) throw new ApiError(400, 'idempotency_key_invalid');
  return key;
}

function envelopeOf(body: unknown): z.infer<typeof Envelope> {
  // No body and no content type: nothing was parsed at all.
  if (body === undefined) throw new ApiError(400, 'invalid_json', { key: 'empty_body' });
  const parsed = Envelope.safeParse(body, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  throw new ApiError(400, 'validation_failed', { details: (lang) => ({ fields: toFieldErrors(issues, lang) }) });
}

/** One problem as the API reports it: by question id, with a sentence and the machine facts. */
function problemDetail(definition: QuestionnaireDefinition, problem: Problem, lang: Lang) {
  const question = findQuestion(definition, problem.questionId);
  const key = problem.other ? `${problem.questionId}.autre` : problem.questionId;
  return {
    questionId: problem.questionId,
    ...(problem.other ? { other: true } : {}),
    code: problem.code,
    ...(problem.params ? { params: problem.params } : {}),
    field: `answers.${key}`,
    message: problemMessage(problem, lang, question),
  };
}

/**
 * Every problem of the answers for this collectivité: a question its kind or size is not asked
 * is hidden for it, and an answer to it refused (`hidden`), as one hidden by another answer is.
 */
function answerProblems(definition: QuestionnaireDefinition, answers: Record<string, unknown>, collectivite: Collectivite): ApiError | undefined {
  const problems = validateContribution(definition, answers, collectivite);
  if (problems.length === 0) return undefined;
  return new ApiError(422, 'invalid_answers', {
    params: { count: problems.length },
    details: (lang) => {
      const list = problems.map((problem) => problemDetail(definition, problem, lang));
      // `fields` is what generic form clients read; `problems` keeps the engine's codes.
      return { problems: list, fields: list.map(({ field, message }) => ({ path: field, message })) };
    },
  });
}

/** The edit code presented in `Authorization: Bearer …`, unless the respondent asks for review; 400 when it cannot be a code. */
function presentedCodeOf(request: FastifyRequest, envelope: Envelope): string | undefined {
  const presented = bearerToken(request.headers.authorization);
  if (presented === undefined || envelope.review === true) return undefined;
  if (readEditCode(presented).kind === 'malformed') throw new ApiError(400, 'edit_code_malformed', { details: { field: 'editCode' } });
  return presented;
}

/** An attestation checked, and for this SIRET: 401 or 403 (`attestation_…`) otherwise. */
export async function attestationFor(context: ServerContext, token: string, siret: string): Promise<Attestation> {
  let attestation: Attestation;
  try {
    attestation = await context.attestations.verify(token);
  } catch (error) {
    if (error instanceof AttestationError) throw attestationError(error);
    throw error;
  }
  if (attestation.siret !== siret) {
    throw new ApiError(403, 'attestation_siret_mismatch', {
      params: { attested: attestation.siret, siret },
      details: { field: 'attestation', attestedSiret: attestation.siret },
    });
  }
  return attestation;
}

/** The verified attestation of the envelope, for this SIRET and role, if one came. */
async function attestationOf(context: ServerContext, envelope: Envelope, siret: string): Promise<Attestation | undefined> {
  if (envelope.attestation === undefined) return undefined;
  const attestation = await attestationFor(context, envelope.attestation, siret);
  if (attestation.role !== undefined && attestation.role !== envelope.role) {
    throw new ApiError(403, 'attestation_role_mismatch', {
      params: { attested: attestation.role, role: envelope.role },
      details: { field: 'role', attestedRole: attestation.role },
    });
  }
  return attestation;
}

/** The answer given for each outcome, kept as is for idempotent replays. */
function responseFor(outcome: SubmitOutcome, editCode: string, verifiedBy: string | undefined, lang: Lang): StoredResponse {
  const verification = verifiedBy === undefined ? { verification: 'unverified' } : { verification: 'verified', verifiedBy };
  switch (outcome.kind) {
    case 'created':
      return {
        status: 201,
        body: {
          status: 'created',
          editCode,
          // The same code under its former name, for clients written before edit codes.
          editToken: editCode,
          updatedAt: outcome.updatedAt,
          ...verification,
          // An unverified answer gave way: it is kept for review, as the respondent may wish to know.
          ...(outcome.displacedPendingId !== undefined ? { replacedUnverified: true } : {}),
        },
      };
    case 'replaced':
      return { status: 200, body: { status: 'replaced', updatedAt: outcome.updatedAt } };
    case 'pending':
      return {
        status: 409,
        // Anyone may send answers for any SIRET: the refusal says that an answer exists, as `GET`
        // does, never when it was written.
        body: new ApiError(409, 'contribution_exists', {
          params: { pendingId: outcome.pendingId },
          details: {
            pendingId: outcome.pendingId,
            ...(outcome.replacedPendingId !== undefined ? { replacedPendingId: outcome.replacedPendingId } : {}),
          },
        }).body(lang),
      };
  }
}

/**
 * The collectivité's contribution is stored: its shared draft, if any, has done its work and is
 * closed (its answers erased); colleagues who still have it open are told it was sent. A failure
 * here must not turn a stored contribution into an error: the draft then expires in its time.
 */
async function closeSharedDraft(context: ServerContext, request: FastifyRequest, contribution: ContributionInput): Promise<void> {
  try {
    await context.store.sharedDrafts.close({ siren: contribution.siren, theme: contribution.theme }, 'sent', context.now().toISOString());
  } catch (error) {
    request.log.error(`shared draft not closed after a contribution (${String(error)})`);
  }
}

/**
 * `GET` and `PUT /contributions/:siret/:theme`: whether a collectivité answered a theme, and
 * its answers. The first contribution wins, unless it is unverified and a verified respondent
 * comes; later ones need its edit code, or wait for an administrator.
 */
export function contributionRoutes(app: FastifyInstance, context: ServerContext, writeLimit: onRequestHookHandler): void {
  app.get<{ Params: ContributionParams }>('/contributions/:siret/:theme', async (request) => {
    const collectivite = await resolveCollectivite(context, request.params.siret);
    const { theme } = themeParam(context, request.params.theme);
    // The edition the questionnaire is about now: the one taking answers, else the next to, else the last.
    const { edition } = context.editions.status(theme, context.now()).wave;
    // Whether it exists, which the questionnaire needs; when it was written would tell
    // anyone watching the published figures whose answers just moved them.
    const status = await context.store.status(collectivite.siren, theme, edition);
    // Whether the previous edition's answers may be taken up: as public as whether it answered then.
    const previous = context.editions.previous(edition);
    const answeredBefore = previous !== undefined && (await context.store.status(collectivite.siren, theme, previous.id)).exists;
    return { exists: status.exists, ...(answeredBefore ? { previous: { edition: previous.id } } : {}) };
  });

  app.put<{ Params: ContributionParams }>('/contributions/:siret/:theme', { onRequest: writeLimit }, async (request, reply) => {
    const collectivite = await resolveCollectivite(context, request.params.siret);
    const { theme, definition } = themeParam(context, request.params.theme);
    // Outside a wave nothing is kept, not even for review: a late answer is refused, not lost silently.
    const now = context.now();
    const wave = openWaveOrRefuse(context.editions, theme, now);
    const key = idempotencyKeyOf(request);
    const envelope = envelopeOf(request.body);
    if (envelope.version !== definition.version) {
      throw new ApiError(422, 'version_mismatch', {
        params: { sent: envelope.version.slice(0, 20), current: definition.version, theme },
        details: { sent: envelope.version, current: definition.version },
      });
    }
    const invalid = answerProblems(definition, envelope.answers, collectivite);
    if (invalid) throw invalid;
    const presentedCode = presentedCodeOf(request, envelope);
    const attestation = await attestationOf(context, envelope, collectivite.siret);

    const route = `PUT /api/v1/contributions/${collectivite.siret}/${theme}`;
    // The credentials are part of the request: a retry with a code is not the request made without one.
    const requestHash = requestDigest([
      serializeAnswers(envelope as unknown as Record<string, unknown>),
      presentedCode === undefined ? '' : hashToken(presentedCode).toString('hex'),
    ]);
    const lang = requestLang(request);
    const editCode = newEditCode();
    // An e-mail the portal vouches for reaches the respondent when they gave none.
    const contactEmail = envelope.contactEmail ?? attestation?.email;
    const contribution: ContributionInput = {
      siret: collectivite.siret,
      siren: collectivite.siren,
      theme,
      edition: wave.edition,
      version: envelope.version,
      role: envelope.role,
      answers: normalizeAnswers(definition, envelope.answers, collectivite),
      placement: placementOf(collectivite, context.referential),
      ...(contactEmail !== undefined ? { contactEmail } : {}),
      ...(attestation !== undefined ? { verifiedBy: attestation.issuer } : {}),
    };
    const result = await context.store.submit(
      {
        contribution,
        ...(presentedCode !== undefined ? { presentedCode } : {}),
        ...(envelope.review === true ? { review: true } : {}),
        newEditCode: editCode,
        ...(attestation !== undefined
          ? { attestation: { issuer: attestation.issuer, id: attestation.jti, expiresAt: attestation.expiresAt } }
          : {}),
        client: clientDigest(request.ip),
        pendingLimits: context.config.pendingLimits,
        idempotency: { key, route, requestHash },
        now: now.toISOString(),
      },
      (outcome) => responseFor(outcome, editCode, attestation?.issuer, lang),
    );
    if (result.kind === 'key_reused') throw new ApiError(422, 'idempotency_key_reused');
    if (result.kind === 'refused') throw refusalError(result.refusal, context.config.pendingLimits, now);
    if (result.kind === 'replay') reply.header('idempotent-replayed', 'true');
    if (result.kind === 'done' && result.outcome.kind !== 'pending') await closeSharedDraft(context, request, contribution);
    return reply.code(result.response.status).send(result.response.body);
  });
}

