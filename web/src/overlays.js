// The overlays of the server's catalogue as vector layers, and the layer list with a checkbox
// and a legend per layer, in the printed maps' symbols and colours.
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Style from 'ol/style/Style.js';
import Text from 'ol/style/Text.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import { areaStyle, areaSwatch, pointStyle, symbolCanvas } from './symbols.js';

function styleFunction(entry) {
  if (entry.soort === 'punten') {
    const styles = {};
    for (const [value, style] of Object.entries(entry.stijl_per_categorie)) {
      styles[value] = pointStyle(style);
    }
    return (feature) => styles[feature.get(entry.categorie_veld) ?? ''];
  }
  const base = areaStyle(entry.stijl);
  if (entry.id !== 'programmawijken') return base;
  // Programme wijken carry their names, as on the overview map.
  return (feature, resolution) => {
    if (resolution > 40) return base;
    const label = new Style({
      text: new Text({
        text: feature.get('naam'),
        font: 'bold 15px "Noto Sans", sans-serif',
        fill: new Fill({ color: entry.stijl.lijn }),
        stroke: new Stroke({ color: '#ffffff', width: 4 }),
        overflow: true,
      }),
    });
    return [base, label];
  };
}

export function makeOverlay(entry) {
  const source = new VectorSource({
    url: `/api/lagen/${entry.id}`,
    format: new GeoJSON({ dataProjection: 'EPSG:28992', featureProjection: 'EPSG:28992' }),
  });
  const layer = new VectorLayer({
    source,
    style: styleFunction(entry),
    visible: entry.zichtbaar,
    zIndex: entry.soort === 'punten' ? 20 : entry.id === 'programmawijken' ? 12 : 10,
  });
  layer.set('catalogus', entry);
  return layer;
}

function legendItem(swatch, text) {
  const li = document.createElement('li');
  li.append(swatch, document.createTextNode(text));
  return li;
}

export function layerList(list, layers) {
  for (const layer of layers) {
    const entry = layer.get('catalogus');
    const li = document.createElement('li');
    li.className = 'laag';
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = layer.getVisible();
    box.dataset.laag = entry.id;
    box.addEventListener('change', () => layer.setVisible(box.checked));
    label.append(box, document.createTextNode(` ${entry.titel}`));
    li.append(label);
    const legend = document.createElement('ul');
    legend.className = 'legenda';
    for (const item of entry.legenda) {
      if (entry.soort === 'punten') {
        legend.append(legendItem(symbolCanvas(item.stijl), ` ${item.label} (${item.aantal})`));
      } else if (entry.legenda.length > 1 || item.label !== entry.titel) {
        legend.append(legendItem(areaSwatch(item.stijl), ` ${item.label}`));
      } else {
        label.prepend(areaSwatch(item.stijl));
      }
    }
    if (legend.childElementCount > 0) li.append(legend);
    list.append(li);
  }
}
