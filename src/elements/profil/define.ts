import { defineElement } from '../shared/define.js';
import { BarometreProfil } from './barometre-profil.js';

defineElement('barometre-profil', BarometreProfil);

export { BarometreProfil };
