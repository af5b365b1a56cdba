import type { EditionDefinition, WaveKey, WaveStatus } from '../schema/edition.js';
import type { ThemeId } from '../schema/questionnaire.js';
import { endOfParisDay, startOfParisDay } from './paris-day.js';

/** One theme's wave in one edition, with the instants it opens and closes (excluded). */
export interface ThemeWave {
  edition: string;
  theme: ThemeId;
  wave: WaveKey;
  /** The questionnaire version answered in this edition. */
  version: string;
  opens: string;
  closes: string;
  opensAt: Date;
  closesAt: Date;
}

/**
 * The editions of the survey and the rules that read them: which edition a theme takes answers
 * for now, which edition the public sees by default, which came before. Built from validated
 * data (`EditionList`), oldest edition first.
 */
export class EditionCatalogue {
  readonly editions: readonly EditionDefinition[];
  readonly #waveOfTheme: Readonly<Record<ThemeId, 1 | 2 | 3>>;

  /** `waveOfTheme`: each theme's wave, as its questionnaire says. */
  constructor(editions: readonly EditionDefinition[], waveOfTheme: Readonly<Record<ThemeId, 1 | 2 | 3>>) {
    if (editions.length === 0) throw new RangeError('A catalogue needs one edition at least');
    this.editions = editions;
    this.#waveOfTheme = waveOfTheme;
  }

  /** The editions' ids, oldest first. */
  ids(): string[] {
    return this.editions.map((edition) => edition.id);
  }

  byId(id: string): EditionDefinition | undefined {
    return this.editions.find((edition) => edition.id === id);
  }

  /** The edition before `id`, if any. */
  previous(id: string): EditionDefinition | undefined {
    const index = this.editions.findIndex((edition) => edition.id === id);
    return index > 0 ? this.editions[index - 1] : undefined;
  }

  /**
   * The edition shown when none is asked for: the latest one whose first wave has opened, else
   * the oldest (before the survey starts).
   */
  current(now: Date): EditionDefinition {
    const started = this.editions.filter((edition) => this.#firstOpening(edition) <= now.getTime());
    return started.at(-1) ?? this.editions[0]!;
  }

  /** A theme's wave in an edition. */
  wave(edition: EditionDefinition, theme: ThemeId): ThemeWave {
    const wave = String(this.#waveOfTheme[theme]) as WaveKey;
    const days = edition.waves[wave];
    return {
      edition: edition.id,
      theme,
      wave,
      version: edition.versions[theme],
      opens: days.opens,
      closes: days.closes,
      opensAt: startOfParisDay(days.opens),
      closesAt: endOfParisDay(days.closes),
    };
  }

  /** The wave taking answers for a theme at `at`, if one does. */
  openWave(theme: ThemeId, at: Date): ThemeWave | undefined {
    return this.editions.map((edition) => this.wave(edition, theme)).find((wave) => isWithin(wave, at));
  }

  /**
   * Where a theme stands at `now`: its open wave; else the next one to open; else the last one,
   * closed.
   */
  status(theme: ThemeId, now: Date): { wave: ThemeWave; state: WaveStatus['state'] } {
    const waves = this.editions.map((edition) => this.wave(edition, theme));
    const open = waves.find((wave) => isWithin(wave, now));
    if (open) return { wave: open, state: 'open' };
    const upcoming = waves.find((wave) => wave.opensAt.getTime() > now.getTime());
    if (upcoming) return { wave: upcoming, state: 'upcoming' };
    return { wave: waves.at(-1)!, state: 'closed' };
  }

  /**
   * The edition a contribution written at `at` belongs to: the one whose wave for its theme was
   * open then, else the oldest (answers kept from before editions were recorded).
   */
  editionAt(theme: ThemeId, at: Date): string {
    return this.openWave(theme, at)?.edition ?? this.editions[0]!.id;
  }

  #firstOpening(edition: EditionDefinition): number {
    return Math.min(...Object.values(edition.waves).map((wave) => startOfParisDay(wave.opens).getTime()));
  }
}

function isWithin(wave: ThemeWave, at: Date): boolean {
  return wave.opensAt.getTime() <= at.getTime() && at.getTime() < wave.closesAt.getTime();
}

/** What the API says of a theme's wave. */
export function waveStatusOf(status: { wave: ThemeWave; state: WaveStatus['state'] }): WaveStatus {
  return { edition: status.wave.edition, state: status.state, opens: status.wave.opens, closes: status.wave.closes };
}
