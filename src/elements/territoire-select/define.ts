import { defineElement } from '../shared/define.js';
import { BarometreTerritoireSelect } from './barometre-territoire-select.js';

defineElement('barometre-territoire-select', BarometreTerritoireSelect);

export { BarometreTerritoireSelect };
export type { TerritoireSelectDetail } from './barometre-territoire-select.js';
