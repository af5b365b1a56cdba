import { THEMES } from '../../../src/core/schema/questionnaire.js';
import type { QuestionResult, Series, SeriesRole, SeriesTerritory } from '../../../src/core/schema/results.js';
import type { SynthesisResponse, SynthesisTheme } from '../../../src/core/schema/synthesis.js';
import { wilsonInterval } from '../../../src/core/stats/wilson.js';
import { definitions } from '../../../src/questionnaires/all.js';

/** The territories of the synthesis of Ille-et-Vilaine, in column order. */
const COLUMNS: Array<{ role: SeriesRole; territory: SeriesTerritory; n: number }> = [
  { role: 'territoire', territory: { id: 'departement:35', name: 'Ille-et-Vilaine', kind: 'departement' }, n: 60 },
  { role: 'region', territory: { id: 'region:53', name: 'Bretagne', kind: 'region' }, n: 240 },
  { role: 'france', territory: { id: 'france', name: 'France', kind: 'france' }, n: 3117 },
  {
    role: 'similaires',
    territory: { id: 'groupe:profil:departement:35', name: 'Communes et intercommunalités de France à la même répartition par taille que Ille-et-Vilaine', kind: 'groupe' },
    n: 1800,
  },
];

/** A published question whose answers share `shares` (one per code) among `n` respondents. */
function published(n: number, codes: readonly string[], shares: readonly number[]): QuestionResult {
  const answers = Object.fromEntries(
    codes.map((code, index) => {
      const share = shares[index % shares.length]!;
      return [code, { status: 'publie' as const, count: Math.round(share * n), share, shareOfAll: share, ci: wilsonInterval(share, n) }];
    }),
  );
  return { status: 'publie', n, answers };
}

/**
 * Nine themes for Ille-et-Vilaine, each state somewhere: its communication series had no
 * respondent (aucune), its cybersecurity series too few (insuffisant), its inclusion "lieu de
 * médiation" figure is hidden (masque), and its strategy "feuille de route" question is hidden whole.
 */
export function synthesisFixture(): SynthesisResponse {
  const themes = THEMES.map((id): SynthesisTheme => {
    const definition = definitions[id];
    const questions = definition.sections
      .flatMap((section) => section.questions)
      .filter((question) => question.headline && (question.kind === 'yesno' || question.kind === 'single' || question.kind === 'multiple'))
      .map((question) => ({
        id: question.id,
        label: question.label,
        answers:
          question.kind === 'yesno'
            ? [{ code: 'oui', label: { fr: 'Oui', en: 'Yes' } }]
            : 'options' in question
              ? question.options.map((option) => ({ code: option.code, label: option.label }))
              : [],
      }));
    const series = COLUMNS.map(({ role, territory, n }): Series => {
      if (role === 'territoire' && id === 'communication') return { role, territory, status: 'aucune', n: 0, questions: {} };
      if (role === 'territoire' && id === 'cybersecurite') return { role, territory, status: 'insuffisant', n: null, questions: {} };
      const figures: Record<string, QuestionResult> = {};
      for (const question of questions) {
        figures[question.id] = published(
          n,
          question.answers.map((answer) => answer.code),
          role === 'territoire' ? [0.26, 0.5] : [0.31, 0.44],
        );
      }
      if (role === 'territoire' && id === 'inclusion') {
        const mediation = figures.lieu_mediation!;
        figures.lieu_mediation = { ...mediation, answers: { oui: { status: 'masque', count: null, share: null, shareOfAll: null } } };
      }
      if (role === 'territoire' && id === 'strategie') figures.feuille_de_route = { status: 'masque', n: null };
      return { role, territory, status: 'publie', n, questions: figures };
    });
    return { theme: id, title: definition.title, version: definition.version, questions, series };
  });
  return {
    territory: COLUMNS[0]!.territory,
    publication: { id: '2026-12-06T13-00-00Z', publishedAt: '2026-12-06T13:00:00Z', edition: '2026' },
    minCell: 5,
    source: { fr: 'Baromètre numérique des collectivités, vagues 1, 2 et 3', en: 'Baromètre numérique des collectivités, waves 1, 2 and 3' },
    themes,
  };
}

/**
 * The synthesis above, with two figures of Ille-et-Vilaine far from France's: SaaS software
 * (90 % against 31 %) and open data (5 % against 31 %); every other gap stays within the margins.
 */
export function synthesisWithGaps(): SynthesisResponse {
  const synthesis = synthesisFixture();
  const set = (theme: string, question: string, share: number) => {
    const series = synthesis.themes.find((one) => one.theme === theme)!.series.find((one) => one.role === 'territoire')!;
    const figures = series.questions[question]!;
    if (figures.status !== 'publie' || figures.n === null) throw new Error(`${theme}/${question} is not published in the fixture`);
    series.questions[question] = published(figures.n, ['oui'], [share]);
  };
  set('outils-internes', 'logiciels_saas', 0.9);
  set('donnees', 'publication_open_data', 0.05);
  return synthesis;
}
