import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ThemeId } from '../../../src/core/schema/questionnaire.js';
import { definitions } from '../../../src/questionnaires/all.js';
import { countedRows } from '../../../src/server/publication/evolution.js';
import { buildLayout } from '../../../src/server/publication/layout.js';
import { publishThemes, type ThemeTask } from '../../../src/server/publication/theme-pool.js';
import type { PublishedTheme } from '../../../src/server/publication/theme.js';
import { defaultReferential } from '../../../src/server/referential/adapter.js';
import { communesIn, epciIn, K, pick, rowsFor } from './fixtures.js';

/**
 * Themes are published in worker threads when the publication is large: each theme's figures must
 * be exactly those computed in the server's own thread.
 */
describe('Publication secrecy — themes published in workers', () => {
  const referential = defaultReferential();
  const layout = buildLayout(referential);
  const who = [
    ...pick(communesIn('35'), 30),
    ...pick(communesIn('29'), 12),
    ...pick(communesIn('22'), 4),
    ...pick(epciIn('35'), 3),
  ];
  const themes: ThemeId[] = ['inclusion', 'cybersecurite', 'communication'];

  async function tasks(): Promise<ThemeTask[]> {
    return Promise.all(
      themes.map(async (theme, i) => ({
        theme,
        definition: definitions[theme],
        counted: await countedRows(rowsFor(theme, who, () => ({}), 11 + i), undefined, layout, K, async () => undefined),
      })),
    );
  }

  async function publishAll(parallel: boolean): Promise<Map<ThemeId, PublishedTheme>> {
    const published = new Map<ThemeId, PublishedTheme>();
    // From the first contribution on: the data set is small, the path is the large one's.
    await publishThemes(await tasks(), { referential, layout, minCell: K }, parallel, (task, theme) => published.set(task.theme, theme), 1);
    return published;
  }

  test('each theme is the same, figure for figure, published in a worker or here', async () => {
    const [here, inWorkers] = await Promise.all([publishAll(false), publishAll(true)]);
    assert.deepEqual([...inWorkers.keys()].sort(), [...themes].sort());
    for (const theme of themes) {
      const { report: hereReport, ...hereFigures } = here.get(theme)!.figures;
      const { report: workerReport, ...workerFigures } = inWorkers.get(theme)!.figures;
      assert.deepEqual(workerFigures, hereFigures, theme);
      assert.deepEqual({ ...workerReport, milliseconds: 0 }, { ...hereReport, milliseconds: 0 }, theme);
      assert.deepEqual(inWorkers.get(theme)!.unprotected, [], theme);
      // The data set exercises secrecy: something is hidden, something is shown.
      assert.ok(hereReport.hiddenCells > 0 && hereFigures.series.brute['departement:35']!.status === 'publie', theme);
    }
  });

  test('a stopped publication stops its workers and says why', async () => {
    const controller = new AbortController();
    const reason = new Error('closing');
    const running = publishThemes(await tasks(), { referential, layout, minCell: K, signal: controller.signal }, true, () => undefined, 1);
    setTimeout(() => controller.abort(reason), 50);
    await assert.rejects(running, (error) => error === reason);
  });
});
