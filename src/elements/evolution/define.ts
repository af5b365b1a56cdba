import { defineElement } from '../shared/define.js';
import { BarometreEvolution } from './barometre-evolution.js';

export { BarometreEvolution };

defineElement('barometre-evolution', BarometreEvolution);
