import type { ReactiveControllerHost } from 'lit';
import { FiguresController, questionWording, type BarometreDataDetail, type FiguresRequestOrMissing } from '../shared/results/results-controller.js';
import { fetchMapResults } from './load-map-results.js';
import type { MapFigures } from './map-figures.js';
import type { MapRequest } from './map-query.js';

export type MapRequestOrMissing = FiguresRequestOrMissing<MapRequest>;

/** `detail` of the map's `barometre-data` event: the results map's or the participation map's response. */
export type MapDataDetail = BarometreDataDetail<MapFigures>;

/**
 * A map's figures, from `/resultats/:theme/carte` or `/participation?niveau=…`, a static
 * publication or a static file, with the charts' life cycle. Participation names its themes
 * itself: no questionnaire is asked for it.
 */
export class MapResultsController extends FiguresController<MapRequest, MapFigures> {
  constructor(host: ReactiveControllerHost & HTMLElement, read: () => MapRequestOrMissing) {
    super(host, read, fetchMapResults, (request, figures) =>
      request.measure === 'participation' ? undefined : questionWording(request, figures && 'theme' in figures ? figures : undefined),
    );
  }
}
