// What residents drew, as the room may see it: where n of N drawings of a session marked the
// same place in one category (the counts of `wijkatlas overlap`, in the printed overlap map's
// yellow-brown classes and legend), and the session's spots with what was done with them. The
// server decides what a device may see: off the operator's side only places at least 3
// drawings marked, and it says how many it left out.
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Style from 'ol/style/Style.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Text from 'ol/style/Text.js';
import CircleStyle from 'ol/style/Circle.js';
import { areaStyle, areaSwatch, hexWithAlpha, lineSwatch } from './symbols.js';
import { sketchDetails, spotHistory } from './provenance.js';
import { getJson, withToken } from './access.js';
import { categories } from './draw.js';

const format = new GeoJSON({ dataProjection: 'EPSG:28992', featureProjection: 'EPSG:28992' });

const countFields = [
  { naam: 'n_van_N', label: 'Getekend door' },
  { naam: 'oppervlakte_m2', label: 'Oppervlakte (m²)' },
];

function countsEntry() {
  return {
    id: 'samen_getekend',
    titel: 'Samen getekend (n van N)',
    velden: countFields,
    bron: 'tekeningen van bewoners',
  };
}

function spotsEntry(sessionOf) {
  return {
    id: 'plekken',
    titel: 'Plek',
    velden: [
      { naam: 'id', label: 'Kenmerk' },
      { naam: 'categorie', label: 'Categorie' },
      ...countFields,
      { naam: 'status', label: 'Status' },
      { naam: 'notitie', label: 'Wat is er gedaan' },
      { naam: 'initiatief', label: 'Initiatief' },
      { naam: 'gewijzigd_op', label: 'Gewijzigd op' },
    ],
    bron: 'tekeningen van bewoners',
    meer: (feature) => spotHistory(feature.get('id'), sessionOf()),
  };
}

// One by one, for the operator: what each sheet's reader found, with where it came from.
function sketchesEntry() {
  return {
    id: 'schetsen',
    titel: 'Schets van een blad',
    velden: [
      { naam: 'id', label: 'Kenmerk' },
      { naam: 'categorie_tekst', label: 'Categorie' },
      { naam: 'soort', label: 'Soort' },
      { naam: 'sessie', label: 'Sessie' },
      { naam: 'status', label: 'Status' },
      { naam: 'notitie', label: 'Wat is er gedaan' },
    ],
    bron: 'projectopslag (gelezen bladen)',
    meer: (feature) => sketchDetails(feature.get('id')),
  };
}

function sketchStyleOf(colour) {
  return new Style({
    stroke: new Stroke({ color: colour, width: 2 }),
    fill: new Fill({ color: hexWithAlpha(colour, 0.2) }),
    image: new CircleStyle({
      radius: 6,
      fill: new Fill({ color: colour }),
      stroke: new Stroke({ color: '#ffffff', width: 2 }),
    }),
  });
}
const sketchStyles = Object.fromEntries(
  Object.entries(categories).map(([c, { kleur }]) => [c, sketchStyleOf(kleur)]),
);

function sheetsEntry() {
  return {
    id: 'bladen',
    titel: 'Blad',
    velden: [
      { naam: 'id', label: 'Kenmerk' },
      { naam: 'sessie', label: 'Sessie' },
      { naam: 'gebied', label: 'Gebied' },
      { naam: 'papier', label: 'Papier' },
      { naam: 'schaal_tekst', label: 'Schaal' },
      { naam: 'terug_tekst', label: 'Teruggekomen' },
      { naam: 'plekken_van', label: 'Plekken van sessie' },
    ],
    bron: 'projectopslag (gedrukte bladen)',
  };
}

// A sheet that came back solid, one still out dashed: where the room could draw, and where
// answers are missing.
const sheetStyles = {
  true: { lijn: '#0072B2', lijndikte_px: 2, streep: null },
  false: { lijn: '#0072B2', lijndikte_px: 2, streep: [6, 5] },
};

function sheetStyle(feature) {
  const s = sheetStyles[feature.get('teruggekomen')];
  return new Style({
    stroke: new Stroke({ color: s.lijn, width: s.lijndikte_px, lineDash: s.streep ?? undefined }),
    fill: new Fill({ color: 'rgba(255,255,255,0.01)' }), // clickable inside
  });
}

function classOf(legend, n) {
  return legend.find((c) => n >= c.van && n <= c.tot);
}

// The printed overlap map's fill: the class colour, nearly opaque, outlined in itself.
function classStyle(colour) {
  return { vulling: colour, dekking: 0.75, lijn: colour, lijndikte_px: 1 };
}

function countsStyle(legendRef) {
  const cache = new Map();
  return (feature) => {
    const c = classOf(legendRef.current, feature.get('n'));
    if (!c) return null;
    if (!cache.has(c.kleur)) cache.set(c.kleur, areaStyle(classStyle(c.kleur)));
    return cache.get(c.kleur);
  };
}

function spotStyle(feature, resolution) {
  const colour = categories[feature.get('categorie')]?.kleur ?? '#555555';
  const id = String(feature.get('id') ?? '');
  const shortId = id.slice(id.lastIndexOf('-') + 1);
  return new Style({
    stroke: new Stroke({ color: colour, width: 3, lineDash: [8, 5] }),
    fill: new Fill({ color: 'rgba(255,255,255,0.01)' }), // clickable inside
    text:
      resolution > 20
        ? undefined
        : new Text({
            text: `${shortId} · ${feature.get('status')}`,
            font: 'bold 14px "Noto Sans", sans-serif',
            fill: new Fill({ color: '#1a1a1a' }),
            stroke: new Stroke({ color: '#ffffff', width: 4 }),
            overflow: true,
          }),
  });
}

// The two layers (counts under spots), the panel's controls and legend. Returns the layers and
// a promise for the first load.
export function enableResidents(panel) {
  const legendRef = { current: [] };
  const counts = new VectorLayer({
    source: new VectorSource(),
    style: countsStyle(legendRef),
    zIndex: 14,
    visible: true,
  });
  counts.set('catalogus', countsEntry());
  const spots = new VectorLayer({ source: new VectorSource(), style: spotStyle, zIndex: 16 });
  const session = panel.querySelector('#bewoners-sessie');
  spots.set(
    'catalogus',
    spotsEntry(() => session.value),
  );
  const sketches = new VectorLayer({
    source: new VectorSource(),
    style: (feature) => sketchStyles[feature.get('categorie')] ?? sketchStyles.probleem,
    zIndex: 15,
    visible: false,
  });
  sketches.set('catalogus', sketchesEntry());
  const sheets = new VectorLayer({
    source: new VectorSource(),
    style: sheetStyle,
    zIndex: 13,
    visible: false,
  });
  sheets.set('catalogus', sheetsEntry());

  const category = panel.querySelector('#bewoners-categorie');
  const showCounts = panel.querySelector('#bewoners-samen');
  const showSpots = panel.querySelector('#bewoners-plekken');
  const legend = panel.querySelector('#bewoners-legenda');
  const message = panel.querySelector('#bewoners-melding');
  showCounts.addEventListener('change', () => counts.setVisible(showCounts.checked));
  showSpots.addEventListener('change', () => spots.setVisible(showSpots.checked));
  const showSheets = panel.querySelector('#bewoners-bladen');
  const sheetsLegend = panel.querySelector('#bewoners-bladen-legenda');
  showSheets.addEventListener('change', () => sheets.setVisible(showSheets.checked));
  const showSketches = panel.querySelector('#bewoners-schetsen');
  showSketches.addEventListener('change', () => sketches.setVisible(showSketches.checked));

  let paused = false; // a silent round: the layer waits until the drawings are revealed

  async function load() {
    if (paused) {
      message.textContent = 'Stille ronde: wordt bijgewerkt bij het onthullen.';
      return;
    }
    const query = new URLSearchParams({ sessie: session.value, categorie: category.value });
    const answer = await getJson(`/api/overlap?${query}`);
    legendRef.current = answer.legenda;
    counts.getSource().clear();
    counts.getSource().addFeatures(format.readFeatures(answer));
    legend.replaceChildren();
    if (answer.legenda.length > 0) {
      const heading = document.createElement('li');
      heading.textContent = answer.legenda_kop;
      legend.append(heading);
    }
    for (const c of answer.legenda) {
      const li = document.createElement('li');
      li.append(areaSwatch(classStyle(c.kleur)), document.createTextNode(` ${c.label}`));
      legend.append(li);
    }
    const parts = [`${answer.bladen} ${answer.bladen === 1 ? 'tekening' : 'tekeningen'}`];
    if (answer.weggelaten > 0) {
      parts.push(
        `${answer.weggelaten} plekken met minder dan ${answer.min_bladen} tekeningen niet getoond`,
      );
    }
    spots.getSource().clear();
    if (session.value) {
      const found = await getJson(`/api/plekken?${new URLSearchParams({ sessie: session.value })}`);
      spots.getSource().addFeatures(format.readFeatures(found));
      parts.push(found.gemaakt ? `${found.features.length} plekken` : 'nog geen plekken gemaakt');
    }
    const printed = await getJson(`/api/bladen?${new URLSearchParams({ sessie: session.value })}`);
    for (const f of printed.features) {
      f.properties.schaal_tekst = `1:${Number(f.properties.schaal).toLocaleString('nl-NL')}`;
      f.properties.terug_tekst = f.properties.teruggekomen ? 'ja' : 'nog niet';
    }
    sheets.getSource().clear();
    sheets.getSource().addFeatures(format.readFeatures(printed));
    sheetsLegend.replaceChildren();
    for (const [back, label] of [[true, 'teruggekomen'], [false, 'nog niet terug']]) {
      const count = printed.features.filter((f) => f.properties.teruggekomen === back).length;
      if (count === 0) continue;
      const li = document.createElement('li');
      li.append(lineSwatch(sheetStyles[back].lijn, !back), document.createTextNode(` ${label}: ${count}`));
      sheetsLegend.append(li);
    }
    parts.push(`${printed.gedrukt} bladen gedrukt, ${printed.teruggekomen} terug`);
    await loadSketches();
    message.textContent = `${parts.join('; ')}.`;
    panel.dataset.geladen = `${session.value}|${category.value}`;
  }

  // Single sketches are the operator's: other devices are refused (401/403) and are told so.
  async function loadSketches() {
    sketches.getSource().clear();
    const q = new URLSearchParams({ sessie: session.value });
    const res = await fetch(`/api/schetsen?${q}`, { headers: withToken() });
    if (res.status === 401 || res.status === 403) {
      showSketches.disabled = true;
      showSketches.checked = false;
      sketches.setVisible(false);
      showSketches.parentElement.title = 'Alleen op het scherm van de begeleider';
      return;
    }
    const answer = await res.json();
    if (!res.ok) throw new Error(answer?.fout?.bericht ?? `HTTP ${res.status}`);
    for (const f of answer.features)
      f.properties.categorie_tekst = categories[f.properties.categorie]?.label ?? f.properties.categorie;
    sketches.getSource().addFeatures(format.readFeatures(answer));
  }

  function reload() {
    load().catch((error) => {
      message.textContent = `Kon de tekeningen van bewoners niet laden: ${error.message}`;
    });
  }
  session.addEventListener('change', reload);
  category.addEventListener('change', reload);
  panel.querySelector('#bewoners-vernieuw').addEventListener('click', reload);

  const loaded = getJson('/api/sessies')
    .then((answer) => {
      for (const name of answer.sessies.filter(Boolean)) {
        const option = document.createElement('option');
        option.value = name;
        option.textContent = name;
        session.append(option);
      }
      return load();
    })
    .catch((error) => {
      message.textContent = `Kon de tekeningen van bewoners niet laden: ${error.message}`;
    });
  const pause = (on) => {
    paused = on;
  };
  return { layers: [counts, sketches, spots, sheets], loaded, reload, pause };
}
