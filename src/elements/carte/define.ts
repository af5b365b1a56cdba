import { defineElement } from '../shared/define.js';
import { BarometreCarte } from './barometre-carte.js';

defineElement('barometre-carte', BarometreCarte);

export { BarometreCarte };
export type { CarteTerritoireSelectDetail } from './barometre-carte.js';
