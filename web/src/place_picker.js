// Pointing at a place without the map, for people who cannot use a mouse on it: a buurt, a
// street of it (the base map's street names), then where in that street: "bij" a landmark
// along it, or the middle of the street. Every step is a plain select, so the keyboard and a
// screen reader do it all; "Zet punt" stores the point as any drawn point.
import { getJson } from './access.js';

function option(value, text) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

export function enablePlacePicker(panel, placePoint) {
  const buurt = panel.querySelector('#aanwijzen-buurt');
  const street = panel.querySelector('#aanwijzen-straat');
  const where = panel.querySelector('#aanwijzen-bij');
  const button = panel.querySelector('#aanwijzen-zet');
  const message = panel.querySelector('#aanwijzen-melding');
  const failed = (error) => {
    message.textContent = `Kon de straten of plekken niet laden: ${error.message}`;
  };
  let places = []; // value -> {x, y, label}

  function reset(select, text) {
    select.replaceChildren(option('', text));
    select.disabled = true;
  }

  getJson('/api/lagen/buurten')
    .then((layer) => {
      const buurten = layer.features
        .map((f) => f.properties)
        .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
      for (const b of buurten) buurt.append(option(b.code, b.wijk ? `${b.naam} (${b.wijk})` : b.naam));
    })
    .catch(() => {});

  async function loadStreets() {
    reset(street, 'kies eerst een buurt');
    reset(where, 'kies eerst een straat');
    button.disabled = true;
    if (!buurt.value) return;
    const answer = await getJson(`/api/aanwijzen/straten?${new URLSearchParams({ buurt: buurt.value })}`);
    reset(street, answer.straten.length ? 'kies een straat' : 'geen straatnamen in de basiskaart');
    for (const s of answer.straten) street.append(option(s.naam, s.naam));
    street.disabled = answer.straten.length === 0;
    message.textContent = '';
  }
  buurt.addEventListener('change', () => loadStreets().catch(failed));

  async function loadPlaces() {
    reset(where, 'kies eerst een straat');
    button.disabled = true;
    if (!street.value) return;
    const query = new URLSearchParams({ buurt: buurt.value, straat: street.value });
    const answer = await getJson(`/api/aanwijzen/plekken?${query}`);
    places = [{ x: answer.straat.x, y: answer.straat.y, label: `${answer.straat.naam} (midden)` }];
    where.replaceChildren(option('0', 'midden van de straat'));
    answer.plekken.forEach((p, i) => {
      places.push({ x: p.x, y: p.y, label: `bij ${p.naam}, ${answer.straat.naam}` });
      where.append(option(String(i + 1), `bij ${p.naam} (${p.soort}, ${p.afstand_m} m)`));
    });
    where.disabled = false;
    button.disabled = false;
    panel.dataset.plekken = String(answer.plekken.length);
    message.textContent = '';
  }
  street.addEventListener('change', () => loadPlaces().catch(failed));

  button.addEventListener('click', () => {
    const place = places[Number(where.value || 0)];
    if (place) placePoint([place.x, place.y], place.label);
  });
}
