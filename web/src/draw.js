// Drawing with the room: a point, a line or an area with a category, a short note and the
// meeting's session, stored by the server in the project store as a sketch of channel
// "scherm". OpenLayers' Draw and Modify interactions do the drawing; a point can also be placed
// without a mouse (a cross in the centre, arrow keys move the map under it, Enter places).
// Every change carries the version it was based on: a stale one gets the server's conflict
// message, and the page then shows the drawing as it is now.
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Draw from 'ol/interaction/Draw.js';
import Modify from 'ol/interaction/Modify.js';
import KeyboardPan from 'ol/interaction/KeyboardPan.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import Style from 'ol/style/Style.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import CircleStyle from 'ol/style/Circle.js';
import { hexWithAlpha } from './symbols.js';
import { withToken } from './access.js';
import { sketchDetails } from './provenance.js';

// The markers' colours on the sheets (red, green, blue), as Okabe–Ito's colour-blind-safe tones.
export const categories = {
  probleem: { label: 'Probleem', kleur: '#d55e00' },
  fijne_plek: { label: 'Fijne plek', kleur: '#009e73' },
  idee: { label: 'Idee', kleur: '#0072b2' },
};

const format = new GeoJSON({ dataProjection: 'EPSG:28992', featureProjection: 'EPSG:28992' });

function styleOf(category) {
  const colour = categories[category]?.kleur ?? '#555555';
  return new Style({
    fill: new Fill({ color: hexWithAlpha(colour, 0.3) }),
    stroke: new Stroke({ color: colour, width: 4 }),
    image: new CircleStyle({
      radius: 8,
      fill: new Fill({ color: colour }),
      stroke: new Stroke({ color: '#ffffff', width: 3 }),
    }),
  });
}
const styles = Object.fromEntries(Object.keys(categories).map((c) => [c, styleOf(c)]));

// The catalogue entry of the layer, so that the layer list and inspect treat it as any overlay.
function catalogueEntry() {
  return {
    id: 'tekeningen',
    titel: 'Getekend op het scherm',
    soort: 'vlakken',
    zichtbaar: true,
    legenda: Object.values(categories).map((c) => ({
      label: c.label,
      stijl: { vulling: c.kleur, dekking: 0.3, lijn: c.kleur, lijndikte_px: 3 },
    })),
    velden: [
      { naam: 'id', label: 'Kenmerk' },
      { naam: 'categorie', label: 'Categorie' },
      { naam: 'notitie', label: 'Notitie' },
      { naam: 'sessie', label: 'Sessie' },
      { naam: 'soort', label: 'Soort' },
      { naam: 'versie', label: 'Versie' },
    ],
    bron: 'getekend op het scherm (wijkatlas serve)',
    // Where it came from and the statuses it was given, once the store has it.
    meer: async (feature) => (feature.get('id') ? sketchDetails(feature.get('id')) : []),
  };
}

export function makeDrawnLayer() {
  const layer = new VectorLayer({
    source: new VectorSource(),
    style: (feature) => styles[feature.get('categorie')] ?? styles.probleem,
    zIndex: 25,
  });
  layer.set('catalogus', catalogueEntry());
  return layer;
}

// An id the page makes for a drawing before it is sent: a retried request stores it once.
function clientId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return 'p-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function send(method, url, body, headers = {}) {
  // A lost connection is tried again with the same body (and id): the server stores it once.
  for (let attempt = 1; ; attempt += 1) {
    try {
      const response = await fetch(url, {
        method,
        headers: withToken({ 'Content-Type': 'application/json', ...headers }),
        body: JSON.stringify(body),
      });
      const answer = await response.json();
      return { ok: response.ok, status: response.status, answer };
    } catch (error) {
      if (attempt === 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
    }
  }
}

export function enableDrawing(map, layer, panel) {
  const source = layer.getSource();
  const sessionInput = panel.querySelector('#teken-sessie');
  const noteInput = panel.querySelector('#teken-notitie');
  const message = panel.querySelector('#teken-melding');
  const cross = document.getElementById('kruis');
  const mapElement = map.getTargetElement();
  const buttons = [...panel.querySelectorAll('button[data-vorm]')];
  const keyButton = panel.querySelector('#teken-toetsen');
  const modifyButton = panel.querySelector('#teken-wijzig');
  let draw = null;
  let keyboard = false;
  let changes = 0;

  function say(text, kind = 'info') {
    message.textContent = text;
    message.dataset.soort = kind;
    // The panel scrolls: a message (a conflict above all) must be in sight of the room.
    if (text) message.scrollIntoView({ block: 'nearest' });
  }
  function fail(answer) {
    const f = answer?.fout ?? {};
    say([f.bericht, f.detail].filter(Boolean).join(' ') || 'Er ging iets mis.', 'fout');
  }
  const category = () => panel.querySelector('input[name="teken-categorie"]:checked').value;
  const session = () => sessionInput.value.trim();

  // "Own" drawings: the ones this browser made (their client ids, remembered), which it may remove.
  const ownList = panel.querySelector('#teken-eigen');
  const own = new Set(JSON.parse(localStorage.getItem('wijkatlas.eigen') || '[]'));
  const keepOwn = () => localStorage.setItem('wijkatlas.eigen', JSON.stringify([...own]));
  function showOwn() {
    ownList.replaceChildren();
    for (const feature of source.getFeatures()) {
      if (!own.has(feature.get('client_id'))) continue;
      const item = document.createElement('li');
      const label = document.createElement('span');
      const note = feature.get('notitie') ? `: ${feature.get('notitie')}` : '';
      label.textContent = `${feature.getId()} ${feature.get('soort')} ` +
        `(${categories[feature.get('categorie')]?.label ?? feature.get('categorie')})${note}`;
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Verwijder';
      button.dataset.verwijder = feature.getId();
      button.setAttribute('aria-label', `Verwijder ${feature.getId()}`);
      button.addEventListener('click', () => removeDrawing(feature));
      item.append(label, button);
      ownList.append(item);
    }
  }

  // Removes a drawing, based on the version the page shows: a stale one gets the conflict and
  // the page then shows the drawings as they are now.
  async function removeDrawing(feature) {
    const id = feature.getId();
    try {
      const { ok, status, answer } = await send('DELETE', `/api/tekeningen/${id}`, undefined, {
        'If-Match': `"${feature.get('versie')}"`,
      });
      if (ok) {
        source.removeFeature(feature);
        own.delete(feature.get('client_id'));
        keepOwn();
        say(`${id} is verwijderd.`);
        document.body.dataset.tekeningen = String(source.getFeatures().length);
        document.body.dataset.verwijderd = id;
        showOwn();
        return;
      }
      fail(answer);
      if (status === 409 || status === 404) {
        document.body.dataset.botsing = id;
        await load();
      }
    } catch (error) {
      say(`Niet verwijderd: de server is niet bereikbaar (${error.message}).`, 'fout');
    }
  }

  sessionInput.value =
    localStorage.getItem('wijkatlas.sessie') ||
    `Bijeenkomst ${new Date().toISOString().slice(0, 10)}`;

  async function load() {
    const q = session() ? `?sessie=${encodeURIComponent(session())}` : '';
    const response = await fetch(`/api/tekeningen${q}`, { headers: withToken() });
    const collection = await response.json();
    source.clear();
    if (!response.ok) {
      // Off loopback without the token: single drawings are not shown (the published outputs
      // show residents' input as aggregates); the server says why.
      document.body.dataset.tekeningen = '0';
      document.body.dataset.tekeningenGeweigerd = String(response.status);
      showOwn();
      fail(collection);
      return;
    }
    source.addFeatures(format.readFeatures(collection));
    document.body.dataset.tekeningen = String(source.getFeatures().length);
    showOwn();
  }
  sessionInput.addEventListener('change', () => {
    localStorage.setItem('wijkatlas.sessie', session());
    load();
  });
  fetch('/api/sessies')
    .then((r) => r.json())
    .then(({ sessies }) => {
      const list = panel.querySelector('#sessies');
      for (const s of sessies.filter(Boolean)) {
        const option = document.createElement('option');
        option.value = s;
        list.append(option);
      }
    });

  function setActive(button) {
    for (const b of [...buttons, keyButton, modifyButton]) b.setAttribute('aria-pressed', 'false');
    if (button) button.setAttribute('aria-pressed', 'true');
  }

  // Sends a new drawing; the feature on the map takes the stored id and version.
  async function store(feature) {
    // Draw adds the feature to the source after its 'drawend': let it, so it can be removed.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!session()) {
      source.removeFeature(feature);
      say('Vul eerst de sessie van de bijeenkomst in.', 'fout');
      sessionInput.focus();
      return;
    }
    const body = {
      id: clientId(),
      sessie: session(),
      categorie: category(),
      notitie: noteInput.value.trim(),
      geometrie: format.writeGeometryObject(feature.getGeometry()),
    };
    feature.setProperties({ categorie: body.categorie });
    try {
      const { ok, answer } = await send('POST', '/api/tekeningen', body);
      if (!ok) {
        source.removeFeature(feature);
        fail(answer);
        return;
      }
      const stored = format.readFeature(answer.tekening);
      source.removeFeature(feature);
      source.addFeature(stored);
      own.add(body.id);
      keepOwn();
      showOwn();
      noteInput.value = '';
      const warning = answer.waarschuwingen?.length ? ` ${answer.waarschuwingen.join(' ')}` : '';
      say(`Opgeslagen als ${stored.getId()} (${categories[body.categorie].label}).${warning}`);
      document.body.dataset.tekeningen = String(source.getFeatures().length);
    } catch (error) {
      source.removeFeature(feature);
      say(`Niet opgeslagen: de server is niet bereikbaar (${error.message}).`, 'fout');
    }
  }

  function stopAll() {
    if (draw) map.removeInteraction(draw);
    draw = null;
    setKeyboard(false);
    modify.setActive(false);
    setActive(null);
  }

  function startDraw(type, button) {
    stopAll();
    draw = new Draw({ source, type, style: styles[category()] });
    draw.on('drawend', (event) => store(event.feature));
    map.addInteraction(draw);
    setActive(button);
    say(
      type === 'Point'
        ? 'Klik op de kaart om het punt te zetten.'
        : 'Klik de hoeken aan; klik het laatste punt nog eens (of dubbelklik) om af te ronden.',
    );
  }
  for (const button of buttons) {
    button.addEventListener('click', () => startDraw(button.dataset.vorm, button));
  }

  // Without a mouse: a cross in the centre; the arrow keys move the map under it in small
  // steps (Shift: large), Enter places a point there, Escape stops.
  const keyboardPans = map.getInteractions().getArray().filter((i) => i instanceof KeyboardPan);
  function setKeyboard(on) {
    keyboard = on;
    cross.hidden = !on;
    for (const pan of keyboardPans) pan.setActive(!on);
  }
  keyButton.addEventListener('click', () => {
    stopAll();
    setKeyboard(true);
    setActive(keyButton);
    mapElement.focus();
    say('Pijltjestoetsen verschuiven de kaart onder het kruis; Enter zet het punt, Escape stopt.');
  });
  mapElement.addEventListener('keydown', (event) => {
    if (!keyboard) return;
    const view = map.getView();
    const step = (event.shiftKey ? 100 : 10) * view.getResolution();
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (moves[event.key]) {
      event.preventDefault();
      view.adjustCenter(moves[event.key]);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const feature = new Feature(new Point(view.getCenter()));
      source.addFeature(feature);
      store(feature);
    } else if (event.key === 'Escape') {
      stopAll();
      say('');
    }
  });

  // Moving and reshaping: every change is sent with the version it was based on.
  const modify = new Modify({ source });
  modify.setActive(false);
  map.addInteraction(modify);
  modify.on('modifyend', async (event) => {
    for (const feature of event.features.getArray()) {
      const id = feature.getId();
      if (!id) continue;
      changes += 1;
      const { ok, status, answer } = await send(
        'PUT',
        `/api/tekeningen/${id}`,
        { geometrie: format.writeGeometryObject(feature.getGeometry()) },
        { 'If-Match': `"${feature.get('versie')}"` },
      );
      if (ok) {
        feature.setProperties(answer.tekening.properties);
        say(`${id} is gewijzigd (versie ${answer.tekening.properties.versie}).`);
      } else {
        fail(answer);
        if (status === 409) {
          document.body.dataset.botsing = id;
          await load(); // show it as it is now: nothing of the other change is lost
        }
      }
    }
    document.body.dataset.wijzigingen = String(changes);
  });
  modifyButton.addEventListener('click', () => {
    stopAll();
    modify.setActive(true);
    setActive(modifyButton);
    say('Sleep een tekening of een hoek ervan; loslaten slaat de wijziging op.');
  });
  panel.querySelector('#teken-stop').addEventListener('click', () => {
    stopAll();
    say('');
  });
  // A point chosen without the map (place_picker.js): stored as any drawn point, with where it
  // is ("bij Albert Heijn, Klarendalseweg") before the note.
  function placePoint(coordinates, where) {
    const note = noteInput.value.trim();
    noteInput.value = (note ? `${where}: ${note}` : where).slice(0, 500);
    const feature = new Feature(new Point(coordinates));
    source.addFeature(feature);
    map.getView().animate({ center: coordinates, duration: 300 });
    store(feature);
  }
  return { loaded: load(), placePoint };
}
