import type { ReactiveControllerHost } from 'lit';
import type { MapResults } from '../../core/schema/map-results.js';
import {
  FiguresController,
  type BarometreDataDetail,
  type FiguresRequestOrMissing,
} from '../shared/results/results-controller.js';
import { fetchMapResults } from './load-map-results.js';
import type { MapRequest } from './map-query.js';

export type MapRequestOrMissing = FiguresRequestOrMissing<MapRequest>;

/** `detail` of the map's `barometre-data` event. */
export type MapDataDetail = BarometreDataDetail<MapResults>;

/** A map's figures, from `/resultats/:theme/carte`, a static publication or a static file, with the charts' life cycle. */
export class MapResultsController extends FiguresController<MapRequest, MapResults> {
  constructor(host: ReactiveControllerHost & HTMLElement, read: () => MapRequestOrMissing) {
    super(host, read, fetchMapResults);
  }
}
