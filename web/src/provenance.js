// What the inspect panel adds for residents' input: for a sketch where it came from (the sheet,
// photo, scan or screen, how sure the reading was, and the piece of the photo it was read
// from) and for a sketch or spot the statuses it was given, oldest first. The server never
// says who set a status.
import { getJson, withToken } from './access.js';

function heading(text) {
  const h = document.createElement('h3');
  h.textContent = text;
  return h;
}

function historyList(entries) {
  if (entries.length === 0) {
    const p = document.createElement('p');
    p.textContent = 'Nog geen status gegeven.';
    return [heading('Statusgeschiedenis'), p];
  }
  const list = document.createElement('ol');
  list.className = 'geschiedenis';
  for (const e of entries) {
    const li = document.createElement('li');
    const when = new Date(e.gewijzigd_op).toLocaleDateString('nl-NL', { dateStyle: 'medium' });
    const parts = [`${when}: ${e.status}`];
    if (e.notitie) parts.push(`“${e.notitie}”`);
    if (e.initiatief) parts.push(`initiatief ${e.initiatief}`);
    li.textContent = parts.join(' · ');
    li.dataset.status = e.status;
    list.append(li);
  }
  return [heading('Statusgeschiedenis'), list];
}

const sourceWords = {
  foto: 'foto van een blad',
  scan: 'scan van een blad',
  digitaal: 'digitale tekening',
  scherm: 'getekend op het scherm',
};

// The crop as an image; fetched with the token, as every read of single drawings is.
async function cropImage(crop, id) {
  const res = await fetch(crop.adres, { headers: withToken() });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const img = document.createElement('img');
  img.className = 'uitsnede';
  img.src = URL.createObjectURL(await res.blob());
  img.alt = `Uitsnede van het blad waar schets ${id} van gelezen is`;
  img.onload = () => URL.revokeObjectURL(img.src);
  return img;
}

export async function sketchDetails(id) {
  const s = await getJson(`/api/schetsen/${encodeURIComponent(id)}`);
  const facts = document.createElement('dl');
  facts.className = 'herkomst';
  const rows = [
    ['Bron', sourceWords[s.bron] ?? s.bron],
    ['Blad', s.blad || '(geen blad)'],
  ];
  if (s.bron !== 'scherm') rows.push(['Zekerheid', `${Math.round(s.zekerheid * 100)}%`]);
  for (const [label, value] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value;
    facts.append(dt, dd);
  }
  const nodes = [heading('Herkomst'), facts];
  if (s.uitsnede) nodes.push(await cropImage(s.uitsnede, s.id));
  return [...nodes, ...historyList(s.geschiedenis)];
}

export async function spotHistory(id, session) {
  const q = new URLSearchParams({ sessie: session });
  const answer = await getJson(`/api/plekken/${encodeURIComponent(id)}/geschiedenis?${q}`);
  return historyList(answer.geschiedenis);
}
