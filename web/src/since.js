// "Sinds vorige keer": what is new or changed since an earlier session (or a date): drawings
// added, changed or removed, spots made and statuses changed, initiatives started; as a layer
// and as a list whose items zoom to their place. The server decides what a device may see
// (off the operator's side no single drawing, only its count).
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Style from 'ol/style/Style.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import RegularShape from 'ol/style/RegularShape.js';
import CircleStyle from 'ol/style/Circle.js';
import { getJson } from './access.js';
import { hexWithAlpha, lineSwatch } from './symbols.js';

const format = new GeoJSON({ dataProjection: 'EPSG:28992', featureProjection: 'EPSG:28992' });

// Okabe–Ito tones: new in vermilion, spots in blue, initiatives in bluish green; changes dashed.
const kinds = {
  nieuwe_tekening: { label: 'Nieuw getekend', kleur: '#D55E00', streep: false },
  gewijzigde_tekening: { label: 'Tekening gewijzigd', kleur: '#D55E00', streep: true },
  verwijderde_tekening: { label: 'Tekening verwijderd', kleur: '#D55E00', streep: true },
  nieuwe_plek: { label: 'Nieuwe plek', kleur: '#0072B2', streep: false },
  gewijzigde_plek: { label: 'Status of notitie van een plek gewijzigd', kleur: '#0072B2', streep: true },
  nieuw_initiatief: { label: 'Nieuw initiatief', kleur: '#009E73', streep: false },
};

const categoryWords = { probleem: 'probleem', fijne_plek: 'fijne plek', idee: 'idee' };

function entry() {
  return {
    id: 'sinds_vorige_keer',
    titel: 'Sinds vorige keer',
    klikrang: 18,
    velden: [
      { naam: 'soort_tekst', label: 'Wat' },
      { naam: 'id', label: 'Kenmerk' },
      { naam: 'naam', label: 'Naam' },
      { naam: 'sessie', label: 'Sessie' },
      { naam: 'categorie', label: 'Categorie' },
      { naam: 'thema', label: 'Thema' },
      { naam: 'status', label: 'Status' },
      { naam: 'wat_tekst', label: 'Gewijzigd' },
      { naam: 'wanneer_tekst', label: 'Wanneer' },
    ],
    bron: 'projectopslag en initiatievenregister',
  };
}

function styleOf(kind) {
  const k = kinds[kind];
  const stroke = new Stroke({ color: k.kleur, width: 3, lineDash: k.streep ? [7, 5] : undefined });
  const fill = new Fill({ color: hexWithAlpha(k.kleur, 0.18) });
  const image =
    kind === 'nieuw_initiatief'
      ? new RegularShape({
          points: 5,
          radius: 11,
          radius2: 5,
          fill: new Fill({ color: k.kleur }),
          stroke: new Stroke({ color: '#ffffff', width: 2 }),
        })
      : new CircleStyle({ radius: 9, fill, stroke });
  return new Style({ stroke, fill, image });
}

const styles = Object.fromEntries(Object.keys(kinds).map((kind) => [kind, styleOf(kind)]));

// "03-12-2026 14:05" in the laptop's local time; a date alone as 15-04-2023.
function when(text) {
  if (!text) return '';
  if (text.length === 10) return text.split('-').reverse().join('-');
  return new Date(text).toLocaleString('nl-NL', { dateStyle: 'short', timeStyle: 'short' });
}

function describe(p) {
  const parts = [p.id];
  if (p.naam) parts.push(p.naam);
  if (p.categorie) parts.push(categoryWords[p.categorie] ?? p.categorie);
  if (p.sessie) parts.push(p.sessie);
  if (p.status && p.soort !== 'nieuw_initiatief') parts.push(p.status);
  if (p.wat?.length) parts.push(p.wat.join('; '));
  parts.push(when(p.wanneer));
  return parts.filter(Boolean).join(' · ');
}

export function enableSince(panel, view) {
  const layer = new VectorLayer({
    source: new VectorSource(),
    style: (feature) => styles[feature.get('soort')] ?? null,
    zIndex: 18,
  });
  layer.set('catalogus', entry());
  const session = panel.querySelector('#sinds-sessie');
  const date = panel.querySelector('#sinds-datum');
  const show = panel.querySelector('#sinds-tonen');
  const legend = panel.querySelector('#sinds-legenda');
  const list = panel.querySelector('#sinds-lijst');
  const message = panel.querySelector('#sinds-melding');
  show.addEventListener('change', () => layer.setVisible(show.checked));
  let paused = false; // a silent round: new drawings wait until revealed

  function zoomTo(feature) {
    const geometry = feature.getGeometry();
    if (!geometry) return;
    view.fit(geometry.getExtent(), { maxZoom: 13, padding: [80, 80, 80, 80], duration: 300 });
  }

  function showList(features, answer) {
    legend.replaceChildren();
    list.replaceChildren();
    for (const [kind, k] of Object.entries(kinds)) {
      const count = answer.aantallen[kind] ?? 0;
      if (count === 0) continue;
      const li = document.createElement('li');
      li.append(lineSwatch(k.kleur, k.streep), document.createTextNode(` ${k.label}: ${count}`));
      legend.append(li);
    }
    for (const feature of features) {
      const li = document.createElement('li');
      const p = feature.getProperties();
      const text = `${kinds[p.soort]?.label ?? p.soort}: ${describe(p)}`;
      if (feature.getGeometry()) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'link';
        button.textContent = text;
        button.addEventListener('click', () => zoomTo(feature));
        li.append(button);
      } else {
        li.textContent = text;
      }
      list.append(li);
    }
  }

  async function load() {
    const query = session.value
      ? new URLSearchParams({ sessie: session.value })
      : date.value
        ? new URLSearchParams({ vanaf: date.value })
        : null;
    layer.getSource().clear();
    legend.replaceChildren();
    list.replaceChildren();
    if (!query) {
      message.textContent = 'Kies de vorige sessie of een datum.';
      return;
    }
    if (paused) {
      message.textContent = 'Stille ronde: wordt bijgewerkt bij het onthullen.';
      return;
    }
    const answer = await getJson(`/api/sinds?${query}`);
    const features = format.readFeatures(answer);
    for (const f of features) {
      f.set('soort_tekst', kinds[f.get('soort')]?.label ?? f.get('soort'));
      f.set('wat_tekst', (f.get('wat') ?? []).join('; '));
      f.set('wanneer_tekst', when(f.get('wanneer')));
    }
    layer.getSource().addFeatures(features.filter((f) => f.getGeometry()));
    showList(features, answer);
    const total = Object.values(answer.aantallen).reduce((a, b) => a + b, 0);
    const parts = [total === 0 ? `Niets nieuws sinds ${answer.sinds_label}` : `${total} sinds ${answer.sinds_label}`];
    if (answer.weggelaten > 0) parts.push(`${answer.weggelaten} losse tekeningen alleen geteld`);
    message.textContent = `${parts.join('; ')}.`;
    panel.dataset.geladen = query.toString();
  }

  function reload() {
    load().catch((error) => {
      message.textContent = `Kon niet laden wat er nieuw is: ${error.message}`;
    });
  }
  session.addEventListener('change', () => {
    if (session.value) date.value = '';
    reload();
  });
  date.addEventListener('change', () => {
    if (date.value) session.value = '';
    reload();
  });
  panel.querySelector('#sinds-vernieuw').addEventListener('click', reload);

  const loaded = getJson('/api/sessies')
    .then((answer) => {
      for (const name of answer.sessies.filter(Boolean)) {
        const option = document.createElement('option');
        option.value = name;
        option.textContent = name;
        session.append(option);
      }
    })
    .catch((error) => {
      message.textContent = `Kon de sessies niet laden: ${error.message}`;
    });
  const pause = (on) => {
    paused = on;
  };
  return { layer, loaded, reload, pause };
}
