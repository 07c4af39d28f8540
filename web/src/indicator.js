// Any key figure as a choropleth: the panel's "Cijfers per gebied" chooses the areas (CBS
// buurten or wijken), the measure (by its CBS title and unit), the classification and the
// number of classes; the server classes it as the printed maps do (same palette, Dutch number
// ranges, the count of areas per class and "Geen gegevens"). The layer shares the areas'
// features with their overlay, so clicking one shows its name and the figure.
import VectorLayer from 'ol/layer/Vector.js';
import { areaStyle, areaSwatch } from './symbols.js';

const noData = '#ffffff';

function classStyle(colour) {
  return { vulling: colour, dekking: 0.7, lijn: '#808080', lijndikte_px: 1 };
}

export function enableIndicator(panel, catalogue, overlays) {
  const areaLayers = Object.fromEntries(overlays.map((l) => [l.get('catalogus').id, l]));
  const state = { answer: null };
  const styles = new Map();
  const styleOf = (colour) => {
    if (!styles.has(colour)) styles.set(colour, areaStyle(classStyle(colour)));
    return styles.get(colour);
  };
  const layer = new VectorLayer({
    source: areaLayers.buurten.getSource(),
    visible: false,
    zIndex: 9, // under the outlines of the other areas
    style: (feature) => {
      const k = state.answer?.klassen[feature.get('code')];
      return styleOf(k === null || k === undefined ? noData : state.answer.legenda[k].kleur);
    },
  });
  const entry = {
    id: 'cijfers',
    titel: 'Cijfers per gebied',
    velden: [
      { naam: 'naam', label: 'Naam' },
      { naam: 'code', label: 'Code' },
      { naam: 'cijfer', label: 'Cijfer' },
    ],
    bron: 'CBS, Kerncijfers wijken en buurten 2024',
    klikrang: 15, // a click in a coloured buurt shows its figure, a point above it still wins
  };
  layer.set('catalogus', entry);

  const on = panel.querySelector('#cijfers-aan');
  const level = panel.querySelector('#cijfers-gebied');
  const measure = panel.querySelector('#cijfers-maat');
  const method = panel.querySelector('#cijfers-indeling');
  const classes = panel.querySelector('#cijfers-klassen');
  const legend = panel.querySelector('#cijfers-legenda');
  const message = panel.querySelector('#cijfers-melding');

  function fillMeasures() {
    const chosen = measure.value;
    measure.replaceChildren();
    for (const m of catalogue.indicatoren?.[level.value] ?? []) {
      const option = document.createElement('option');
      option.value = m.kolom;
      option.textContent = m.titel;
      measure.append(option);
    }
    if ([...measure.options].some((o) => o.value === chosen)) measure.value = chosen;
  }

  async function load() {
    if (!on.checked || !measure.value) return;
    const query = new URLSearchParams({
      laag: level.value,
      maat: measure.value,
      indeling: method.value,
      klassen: classes.value,
    });
    const res = await fetch(`/api/indicator?${query}`);
    const answer = await res.json();
    if (!res.ok) {
      message.textContent = answer?.fout?.bericht ?? `HTTP ${res.status}`;
      return;
    }
    state.answer = answer;
    layer.setSource(areaLayers[answer.laag].getSource());
    for (const feature of layer.getSource().getFeatures()) {
      const value = answer.waarden[feature.get('code')];
      feature.set('cijfer', value === null || value === undefined ? 'geen gegevens' : value);
    }
    entry.velden[2].label = answer.titel;
    legend.replaceChildren();
    const heading = document.createElement('li');
    heading.textContent = answer.titel;
    legend.append(heading);
    for (const c of answer.legenda) {
      const li = document.createElement('li');
      li.append(areaSwatch(classStyle(c.kleur)), document.createTextNode(` ${c.label} (${c.aantal})`));
      legend.append(li);
    }
    message.textContent = '';
    layer.changed();
    panel.dataset.geladen = `${answer.laag}|${answer.maat}|${answer.indeling}|${answer.legenda.length}`;
  }

  function reload() {
    load().catch((error) => {
      message.textContent = `Kon de cijfers niet laden: ${error.message}`;
    });
  }
  on.addEventListener('change', () => {
    layer.setVisible(on.checked);
    legend.hidden = !on.checked;
    reload();
  });
  level.addEventListener('change', () => {
    fillMeasures();
    reload();
  });
  for (const control of [measure, method, classes]) control.addEventListener('change', reload);
  fillMeasures();
  legend.hidden = true;
  return layer;
}
