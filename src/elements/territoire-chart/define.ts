import { defineElement } from '../shared/define.js';
import { BarometreTerritoireChart } from './barometre-territoire-chart.js';

defineElement('barometre-territoire-chart', BarometreTerritoireChart);

export { BarometreTerritoireChart };
