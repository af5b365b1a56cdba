import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import { carryOver } from '../../core/questionnaire/carry-over.js';
import { normalizeAnswers } from '../../core/questionnaire/index.js';
import type { PreviousAnswers } from '../../core/schema/previous-answers.js';
import type { ServerContext } from '../context.js';
import { previousMessages } from '../editions/previous-messages.js';
import { definitionOfVersion } from '../editions/questionnaire-versions.js';
import { ApiError } from '../http/errors.js';
import { themeParam } from '../http/params.js';
import { readEditCode } from '../security/edit-codes.js';
import { bearerToken } from '../security/tokens.js';
import { attestationFor } from './contributions.js';
import { resolveCollectivite } from './collectivites.js';

/**
 * `GET /contributions/:siret/:theme/precedente`: the collectivité's answers to the previous
 * edition, carried over to the questionnaire of the edition it is answering now where the
 * question is unchanged (`core/questionnaire/carry-over.ts`), with the questions that are new
 * or asked another way. Answers are never public: whoever asks proves who they are, with the
 * previous contribution's edit code (`Authorization: Bearer …`, guesses counted towards that
 * contribution's lock-out as a submission's are) or an attestation for the SIRET
 * (`Barometre-Attestation`, an OPSN portal's or a ProConnect sign-in's; read, not used up: the
 * submission that follows uses it).
 */

/** The header carrying an attestation on a request without a body. */
export const ATTESTATION_HEADER = 'barometre-attestation';

/** Longest attestation accepted, as in a submission's body. */
const MAX_ATTESTATION_LENGTH = 8192;

interface Params {
  siret: string;
  theme: string;
}

/** What proves who asks: a verified attestation, else an edit code; 400 or 401 when neither holds. */
async function credentialsOf(
  context: ServerContext,
  request: FastifyRequest,
  siret: string,
  edition: string,
): Promise<{ presentedCode: string | undefined }> {
  const header = request.headers[ATTESTATION_HEADER];
  const attestation = Array.isArray(header) ? header[0] : header;
  if (attestation !== undefined && attestation !== '') {
    if (attestation.length > MAX_ATTESTATION_LENGTH) {
      throw new ApiError(401, 'attestation_invalid', { params: { reason: 'malformed' }, details: { field: 'attestation', reason: 'malformed' } });
    }
    await attestationFor(context, attestation, siret);
    return { presentedCode: undefined };
  }
  const presented = bearerToken(request.headers.authorization);
  if (presented === undefined) {
    throw new ApiError(401, 'previous_credentials_required', {
      message: (lang) => previousMessages(lang, 'previous_credentials_required', { edition }),
      details: { field: 'editCode', edition },
    });
  }
  if (readEditCode(presented).kind === 'malformed') throw new ApiError(400, 'edit_code_malformed', { details: { field: 'editCode' } });
  return { presentedCode: presented };
}

function absent(edition: string | undefined): ApiError {
  return new ApiError(404, 'previous_contribution_absent', {
    message: (lang) => previousMessages(lang, 'previous_absent'),
    details: edition === undefined ? {} : { edition },
  });
}

export function previousAnswersRoutes(app: FastifyInstance, context: ServerContext, writeLimit: onRequestHookHandler): void {
  // Counted as writes: each request may check a code, as a submission does.
  app.get<{ Params: Params }>('/contributions/:siret/:theme/precedente', { onRequest: writeLimit }, async (request, reply) => {
    const collectivite = await resolveCollectivite(context, request.params.siret);
    const { theme, definition } = themeParam(context, request.params.theme);
    const now = context.now();
    // The edition the questionnaire is about now, as `GET /contributions/:siret/:theme` says.
    const current = context.editions.status(theme, now).wave.edition;
    const previous = context.editions.previous(current);
    if (previous === undefined) throw absent(undefined);
    const { presentedCode } = await credentialsOf(context, request, collectivite.siret, previous.id);
    const access = await context.store.openContribution(
      { siren: collectivite.siren, theme, edition: previous.id },
      presentedCode,
      now.toISOString(),
    );
    switch (access.kind) {
      case 'absent':
        throw absent(previous.id);
      case 'wrong_code':
        throw new ApiError(403, 'previous_code_wrong', {
          message: (l) => previousMessages(l, 'previous_code_wrong', { edition: previous.id, remaining: access.remainingAttempts }),
          details: { field: 'editCode', remainingAttempts: access.remainingAttempts },
        });
      case 'code_locked': {
        const seconds = Math.max(1, Math.ceil((Date.parse(access.lockedUntil) - now.getTime()) / 1000));
        throw new ApiError(423, 'previous_code_locked', {
          message: (l) =>
            previousMessages(l, 'previous_code_locked', {
              edition: previous.id,
              until: new Date(access.lockedUntil).toLocaleTimeString(l === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }),
            }),
          details: { field: 'editCode', lockedUntil: access.lockedUntil, retryAfter: seconds },
          headers: { 'retry-after': String(seconds) },
        });
      }
      case 'open':
        break;
    }
    const { record } = access;
    const carried = carryOver(definitionOfVersion(context, theme, record.version), definition, record.answers);
    const body: PreviousAnswers = {
      edition: previous.id,
      current,
      version: record.version,
      // A question the collectivité is not asked now (its size changed) is not prefilled either.
      answers: normalizeAnswers(definition, carried.answers, collectivite),
      changes: carried.changes,
    };
    return reply.header('cache-control', 'no-store').send(body);
  });
}
