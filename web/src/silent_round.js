// "Stille ronde": the facilitator keeps new drawings off the beamer until they are revealed, so
// the first loud voice does not steer the room. While the round is on, drawings made after it
// began (on this page or on phones) are stored as always but not drawn, the page's own list
// and the residents' overlap wait, and the panel counts what is waiting (asked every 5 s).
// "Onthullen" shows everything at once.
import { withToken } from './access.js';

// `waiting`: the views of residents' input that wait with the beamer (pause, reload).
export function enableSilentRound(panel, drawn, waiting) {
  const button = panel.querySelector('#stille-ronde');
  const status = panel.querySelector('#stille-melding');
  const sessionInput = panel.querySelector('#teken-sessie');
  const ownList = panel.querySelector('#teken-eigen');
  let known = null; // the ids on the beamer when the round began; null: no round
  let timer = null;

  const base = drawn.getStyleFunction();
  drawn.setStyle((feature, resolution) =>
    known && !known.has(feature.getId()) ? null : base(feature, resolution));

  async function count() {
    const q = sessionInput.value.trim();
    const res = await fetch(`/api/tekeningen?sessie=${encodeURIComponent(q)}`, { headers: withToken() });
    if (!res.ok) return;
    const { features } = await res.json();
    const waiting = features.filter((f) => !known?.has(f.id)).length;
    status.textContent = `Stille ronde: ${waiting} ${waiting === 1 ? 'nieuwe tekening wacht' : 'nieuwe tekeningen wachten'} op onthullen.`;
    panel.dataset.wachtend = String(waiting);
  }

  function start() {
    known = new Set(drawn.getSource().getFeatures().map((f) => f.getId()));
    for (const w of waiting) w.pause(true);
    ownList.hidden = true;
    button.textContent = 'Onthullen';
    button.setAttribute('aria-pressed', 'true');
    drawn.changed();
    count().catch(() => {});
    timer = setInterval(() => count().catch(() => {}), 5000);
  }

  function reveal() {
    clearInterval(timer);
    known = null;
    for (const w of waiting) w.pause(false);
    ownList.hidden = false;
    button.textContent = 'Stille ronde';
    button.setAttribute('aria-pressed', 'false');
    status.textContent = '';
    panel.dataset.wachtend = '0';
    sessionInput.dispatchEvent(new Event('change')); // the drawings as they are now
    for (const w of waiting) w.reload();
    drawn.changed();
  }

  button.addEventListener('click', () => (known ? reveal() : start()));
}
