import type { Ponderation } from '../../core/schema/results.js';
import type { SeriesFigures } from './compose.js';

/**
 * What a publication holds: every figure of every theme, already protected, as the results
 * routes and the static files serve them. Computed once, stored compressed, never changed.
 */

/** The state of a territory whose figures are not published as a series of their own. */
export type LocalState = 'insuffisant' | 'masque';

/** How protecting a theme went, for operators. */
export interface ThemeReport {
  respondents: number;
  /** Changes since the previous publication left for a later one (see `evolution.ts`). */
  heldBack: number;
  hiddenCells: number;
  rounds: number;
  milliseconds: number;
  /** Headline figures of départements, and of régions: see `headline-coverage.ts`. */
  headline: { eligible: number; published: number; whole: number; attainable: number; regions: { eligible: number; published: number } };
}

/** A theme's published figures. */
export interface ThemeFigures {
  /** The questionnaire version every respondent answered, when they all answered one. */
  version?: string;
  /** Series by key (`france`, `region:53`, `departement:35`, `groupe:commune:0-499`), per weighting. */
  series: Record<Ponderation, Record<string, SeriesFigures>>;
  /**
   * Communes and intercommunalités are not published as series (their figures would be one
   * subtraction away from their département's): only whether anybody there answered, and
   * whether enough did. Territories absent here have no respondent.
   */
  local: Record<string, LocalState>;
  report: ThemeReport;
}

/** A whole publication's figures. */
export interface PublicationFigures {
  id: string;
  publishedAt: string;
  /** The edition whose contributions it counts (every stored publication names one). */
  edition?: string;
  /** Contributions counted, all themes together. */
  contributions: number;
  /** The threshold k the publication was computed with. */
  minCell: number;
  themes: Record<string, ThemeFigures>;
}

/** What the next publication needs to know of this one (never public): the version of each contribution counted. */
export type Ledger = Record<string, Record<string, string>>;
