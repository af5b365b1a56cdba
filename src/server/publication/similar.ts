import type { CollectiviteKind } from '../../core/schema/collectivite.js';
import type { QuestionResult } from '../../core/schema/results.js';
import { wilsonInterval } from '../../core/stats/wilson.js';
import type { PopulationBandId } from '../../core/territory/population-band.js';
import type { SeriesFigures } from './compose.js';
import { COMMUNAL_KINDS, groupKey } from './layout.js';

/**
 * "Similaires" for a département or a région: collectivités like the territory's own, nationwide.
 *
 * A territory's series holds its communes and intercommunalités, mostly small communes; the
 * councils of départements and régions are another population altogether. So a territory is
 * compared with the communes and EPCI of all France *in its own mix of kinds and sizes*: the
 * published national group of each kind and population band, weighted by the share of the
 * territory's collectivités that fall in it (direct standardisation). Gironde is then set beside
 * what collectivités of Gironde's make-up answer across the country, not beside the Gironde
 * council nor beside the Creuse's small villages.
 *
 * Computed from published figures only — the national groups and the referential's public
 * counts of collectivités — so it can tell nobody anything the groups do not already say.
 * Shares only, no counts: like every weighted figure.
 */

/** A stratum of the profile: a kind and band, and its share of the territory's collectivités. */
interface ProfileStratum {
  key: string;
  weight: number;
}

/** The territory's communes and EPCI per kind and band, as shares; empty when it has none. */
export function profileOf(strata: Readonly<Record<string, number>>): ProfileStratum[] {
  const entries = Object.entries(strata).flatMap(([stratum, n]) => {
    const [kind, band] = stratum.split('|') as [CollectiviteKind, string];
    return COMMUNAL_KINDS.includes(kind) && band && n > 0 ? [{ key: groupKey(kind, band as PopulationBandId), n }] : [];
  });
  const total = entries.reduce((sum, { n }) => sum + n, 0);
  return entries.map(({ key, n }) => ({ key, weight: n / total }));
}

/** A group's figures for a question when every answer is shown, with the group's weight. */
interface Usable {
  weight: number;
  question: QuestionResult & { n: number };
}

function standardisedQuestion(parts: readonly { weight: number; question: QuestionResult | undefined }[]): QuestionResult {
  const usable: Usable[] = parts.flatMap(({ weight, question }) =>
    question?.status === 'publie' && question.n !== null && Object.values(question.answers ?? {}).every((answer) => answer.status === 'publie')
      ? [{ weight, question: question as Usable['question'] }]
      : [],
  );
  if (usable.length === 0) {
    const nobody = parts.every(({ question }) => question === undefined || question.status === 'aucune');
    return nobody ? { status: 'aucune', n: 0 } : { status: 'masque', n: null };
  }
  const coverage = usable.reduce((sum, { weight }) => sum + weight, 0);
  const n = usable.reduce((sum, { question }) => sum + question.n, 0);
  const codes = Object.keys(usable[0]!.question.answers ?? {});
  const answers: NonNullable<QuestionResult['answers']> = {};
  for (const code of codes) {
    let share = 0;
    let shareOfAll = 0;
    let variance = 0;
    for (const { weight, question } of usable) {
      const answer = question.answers![code]!;
      const w = weight / coverage;
      share += w * answer.share!;
      shareOfAll += w * answer.shareOfAll!;
      variance += (w * w * answer.share! * (1 - answer.share!)) / question.n;
    }
    share = Math.min(1, Math.max(0, share));
    shareOfAll = Math.min(1, Math.max(0, shareOfAll));
    // The size a simple sample would need for the same precision (all strata at 0 % or 100 %: all respondents).
    const effective = variance > 0 ? (share * (1 - share)) / variance : n;
    answers[code] = { status: 'publie', count: null, share, shareOfAll, ci: wilsonInterval(share, effective) };
  }
  return { status: 'publie', n, answers, ...(coverage < 1 - 1e-9 ? { coverage } : {}) };
}

/**
 * The standardised series of a territory's profile from the national groups of a theme (raw
 * figures: within one kind and band every collectivité weighs the same), or `undefined` when the
 * territory holds no commune or EPCI.
 */
export function standardisedSeries(
  groups: Readonly<Record<string, SeriesFigures>>,
  profile: readonly ProfileStratum[],
  questionId?: string,
): SeriesFigures | undefined {
  if (profile.length === 0) return undefined;
  const members = profile.map(({ key, weight }) => ({ weight, figures: groups[key] }));
  const published = members.filter(({ figures }) => figures?.status === 'publie');
  if (published.length === 0) {
    const nobody = members.every(({ figures }) => figures === undefined || figures.status === 'aucune');
    return nobody ? { status: 'aucune', n: 0, questions: {} } : { status: 'insuffisant', n: null, questions: {} };
  }
  const ids = questionId !== undefined ? [questionId] : [...new Set(published.flatMap(({ figures }) => Object.keys(figures!.questions)))];
  const questions: Record<string, QuestionResult> = {};
  for (const id of ids) {
    const parts = members.map(({ weight, figures }) => ({ weight, question: figures?.status === 'publie' ? figures.questions[id] : undefined }));
    if (parts.every(({ question }) => question === undefined)) continue;
    questions[id] = standardisedQuestion(parts);
  }
  const n = published.reduce((sum, { figures }) => sum + figures!.n!, 0);
  return { status: 'publie', n, questions };
}
