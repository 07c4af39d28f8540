// RD New (EPSG:28992) for OpenLayers through proj4, and the PDOK RD tile grid the server
// renders (its parameters come from the server's catalogue, so both use the same numbers).
import proj4 from 'proj4';
import { register } from 'ol/proj/proj4.js';
import { get as getProjection } from 'ol/proj.js';
import TileGrid from 'ol/tilegrid/TileGrid.js';

proj4.defs(
  'EPSG:28992',
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 ' +
    '+x_0=155000 +y_0=463000 +ellps=bessel ' +
    '+towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs',
);
register(proj4);

export function rdProjection(grid) {
  const projection = getProjection('EPSG:28992');
  const side = grid.resoluties[0] * grid.tegel_px;
  const [x0, y0] = grid.oorsprong;
  projection.setExtent([x0, y0 - side, x0 + side, y0]);
  return projection;
}

export function rdTileGrid(grid) {
  const side = grid.resoluties[0] * grid.tegel_px;
  const [x0, y0] = grid.oorsprong;
  return new TileGrid({
    extent: [x0, y0 - side, x0 + side, y0],
    origin: [x0, y0],
    resolutions: grid.resoluties,
    tileSize: grid.tegel_px,
  });
}
