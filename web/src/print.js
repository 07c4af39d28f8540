// "Afdrukken": the view as a PDF at an exact scale, A4–A0, drawn by wijkatlas's own renderer
// from a map definition (the same path as `wijkatlas map`), and that definition itself as TOML
// for a planner to finish the map at the desk. The page sends what is on the screen: the centre,
// the layers that are on, the session of the drawings, the key figure and what residents drew
// together; the server draws it.
import { withToken } from './access.js';

const ogcPixelM = 0.00028; // the OGC "standardized rendering pixel": 0.28 mm
const roundScales = [1000, 2500, 5000, 10000, 25000, 50000];

function nl(n) {
  return Math.round(n).toLocaleString('nl-NL');
}

export function enablePrint(map, layers, panel, session, searched = () => null) {
  const view = map.getView();
  const scaleSelect = panel.querySelector('#druk-schaal');
  const message = panel.querySelector('#druk-melding');

  function currentScale() {
    return Math.round(view.getResolution() / ogcPixelM);
  }
  function fillScales() {
    const chosen = scaleSelect.value;
    scaleSelect.replaceChildren();
    const current = document.createElement('option');
    current.value = 'huidig';
    current.textContent = `huidige schaal (1:${nl(currentScale())})`;
    scaleSelect.append(current);
    for (const s of roundScales) {
      const option = document.createElement('option');
      option.value = String(s);
      option.textContent = `1:${nl(s)}`;
      scaleSelect.append(option);
    }
    scaleSelect.value = chosen && chosen !== '' ? chosen : '10000';
    if (!scaleSelect.value) scaleSelect.value = '10000';
  }
  fillScales();
  view.on('change:resolution', () => {
    const current = scaleSelect.querySelector('option[value="huidig"]');
    if (current) current.textContent = `huidige schaal (1:${nl(currentScale())})`;
  });

  function request() {
    const value = scaleSelect.value;
    return {
      centrum: view.getCenter(),
      schaal: value === 'huidig' ? currentScale() : Number(value),
      papier: panel.querySelector('#druk-papier').value,
      richting: panel.querySelector('input[name="druk-richting"]:checked').value,
      lagen: layers.filter((l) => l.getVisible()).map((l) => l.get('catalogus').id),
      sessie: session(),
      titel: panel.querySelector('#druk-titel').value.trim(),
      cijfers: figures(),
      samen_getekend: drawnTogether(),
      plekken: spotsOn(),
      gezocht: searched(),
      sinds: sinceOn(),
    };
  }

  // "Sinds vorige keer", when it is on the map and a session or a date is chosen.
  function sinceOn() {
    if (!document.getElementById('sinds-tonen')?.checked) return null;
    const session = document.getElementById('sinds-sessie').value;
    const date = document.getElementById('sinds-datum').value;
    if (session) return { sessie: session };
    return date ? { vanaf: date } : null;
  }

  // The session's spots, when "Plekken" is on and a session is chosen (spots belong to one).
  function spotsOn() {
    const session = document.getElementById('bewoners-sessie')?.value;
    if (!document.getElementById('bewoners-plekken')?.checked || !session) return null;
    return { sessie: session };
  }

  // "Samen getekend" of "Wat bewoners tekenden", when it is on: its session and category.
  function drawnTogether() {
    if (!document.getElementById('bewoners-samen')?.checked) return null;
    return {
      sessie: document.getElementById('bewoners-sessie').value,
      categorie: document.getElementById('bewoners-categorie').value,
    };
  }

  // The key figure the areas are coloured by, when "Cijfers per gebied" is on.
  function figures() {
    const on = document.getElementById('cijfers-aan');
    const measure = document.getElementById('cijfers-maat');
    if (!on?.checked || !measure?.value) return null;
    return {
      laag: document.getElementById('cijfers-gebied').value,
      maat: measure.value,
      indeling: document.getElementById('cijfers-indeling').value,
      klassen: Number(document.getElementById('cijfers-klassen').value),
    };
  }

  async function fetchFile(url, name) {
    message.textContent = 'Bezig…';
    message.dataset.soort = 'info';
    message.scrollIntoView({ block: 'nearest' });
    const response = await fetch(url, {
      method: 'POST',
      headers: withToken({ 'Content-Type': 'application/json' }),
      body: JSON.stringify(request()),
    });
    if (!response.ok) {
      const answer = await response.json().catch(() => ({}));
      message.textContent = answer.fout?.bericht ?? `De server gaf ${response.status}.`;
      message.dataset.soort = 'fout';
      message.scrollIntoView({ block: 'nearest' });
      return;
    }
    const blob = await response.blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    message.textContent = `${name} is klaar.`;
  }

  panel.querySelector('#druk-pdf').addEventListener('click', () => fetchFile('/api/afdruk', 'kaart.pdf'));
  panel.querySelector('#druk-toml').addEventListener('click', () =>
    fetchFile('/api/kaartdefinitie', 'kaart.toml'));
}
