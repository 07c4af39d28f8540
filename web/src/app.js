// The meeting viewer's page: the base map tiles wijkatlas renders in the RD tile grid, the
// overlays of its API, inspect and search. Everything comes from the server it was loaded from.
import 'ol/ol.css';
import './app.css';
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import TileLayer from 'ol/layer/Tile.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Style from 'ol/style/Style.js';
import Stroke from 'ol/style/Stroke.js';
import TileImage from 'ol/source/TileImage.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import { rdProjection, rdTileGrid } from './rd_new.js';
import { makeOverlay, layerList } from './overlays.js';
import { enableInspect } from './inspect.js';
import { enableSearch } from './search.js';
import { makeDrawnLayer, enableDrawing } from './draw.js';
import { enablePrint } from './print.js';
import { enableResidents } from './residents.js';
import { enableIndicator } from './indicator.js';
import { enableSilentRound } from './silent_round.js';
import { enablePresenter } from './presenter.js';
import { enableSince } from './since.js';
import { enablePlacePicker } from './place_picker.js';
import { enableLanguage } from './language.js';

async function start() {
  const catalogue = await (await fetch('/api/lagen')).json();
  const grid = catalogue.tegelraster;
  const projection = rdProjection(grid);
  const tileGrid = rdTileGrid(grid);

  const base = new TileLayer({
    source: new TileImage({
      projection,
      tileGrid,
      tileUrlFunction: ([z, x, y]) => `/tiles/${z}/${x}/${y}.png`,
      attributions: catalogue.basiskaart_bron || undefined,
    }),
  });
  const overlays = catalogue.lagen.map(makeOverlay);
  const drawn = makeDrawnLayer();
  const residents = enableResidents(document.getElementById('bewoners'));
  const figures = enableIndicator(document.getElementById('cijfers'), catalogue, overlays);
  // The view stays on the ground the base map has data for (east of the OSM extract's edge the
  // tiles are empty paper, which looked like tiles not drawn).
  const view = new View({
    projection,
    resolutions: grid.resoluties,
    constrainResolution: true,
    extent: catalogue.basiskaart_dekking ?? undefined,
    constrainOnlyCenter: false,
    smoothExtentConstraint: false,
  });
  const since = enableSince(document.getElementById('sinds'), view);
  const map = new Map({
    target: 'kaart',
    layers: [base, figures, ...overlays, ...residents.layers, since.layer, drawn],
    view,
    controls: defaultControls({ attributionOptions: { collapsible: false } }).extend([
      new ScaleLine({ units: 'metric' }),
    ]),
  });
  enablePresenter(document.getElementById('presentatie'), map);
  enableLanguage(document.getElementById('taal'));
  view.fit(catalogue.start, { padding: [20, 20, 20, 20] });

  layerList(document.getElementById('lagen'), [...overlays, drawn]);
  enableInspect(
    map,
    [figures, ...overlays, ...residents.layers, since.layer, drawn],
    document.getElementById('info'),
  );
  const drawing = enableDrawing(map, drawn, document.getElementById('tekenen'));
  enablePlacePicker(document.getElementById('aanwijzen'), drawing.placePoint);
  enableSilentRound(document.getElementById('tekenen'), drawn, [residents, since]);
  let searched = null; // the area the search found, outlined until the next search
  enablePrint(
    map,
    [...overlays, drawn],
    document.getElementById('afdrukken'),
    () => document.getElementById('teken-sessie').value.trim(),
    () => searched,
  );
  // What the search found, outlined in the key colour until the next search.
  const found = new VectorLayer({
    source: new VectorSource(),
    style: new Style({ stroke: new Stroke({ color: '#e69f00', width: 5 }) }),
    zIndex: 30,
  });
  map.addLayer(found);
  const layerOfLevel = { buurt: 'buurten', wijk: 'wijken', programmawijk: 'programmawijken' };
  enableSearch(document.getElementById('zoeken'), view, (result) => {
    found.getSource().clear();
    searched = null;
    const layer = overlays.find((l) => l.get('catalogus').id === layerOfLevel[result.niveau]);
    const feature = layer?.getSource().getFeatures().find((f) => f.get('code') === result.code);
    if (feature) {
      found.getSource().addFeature(feature.clone());
      searched = { niveau: result.niveau, code: result.code };
    }
  });
  document.getElementById('bronnen').textContent = [
    ...new Set(catalogue.lagen.map((l) => l.bron).concat(catalogue.basiskaart_bron || [])),
  ].join(' · ');

  // For the browser test and the console: the map, and a promise for "all overlays loaded".
  const loaded = Promise.all(
    overlays.map(
      (l) =>
        new Promise((resolve) => {
          const source = l.getSource();
          if (source.getFeatures().length > 0) resolve();
          source.once('featuresloadend', resolve);
          source.loadFeatures(view.calculateExtent(map.getSize()), view.getResolution(), projection);
        }),
    ),
  );
  window.wijkatlas = { map, view, overlays, found, loaded, drawn, residents, figures, since };
  await loaded;
  await drawing.loaded;
  await residents.loaded;
  await since.loaded;
  document.body.dataset.klaar = 'ja';
}

start().catch((error) => {
  const p = document.createElement('p');
  p.className = 'fout';
  p.textContent = `De kaart kon niet laden: ${error.message}`;
  document.body.prepend(p);
  throw error;
});
