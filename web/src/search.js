// Search the project's own areas (buurt, CBS wijk, programme wijk; name or CBS code) and zoom
// to the first or the chosen result. No geocoder: nothing leaves the meeting's laptop.
export function enableSearch(form, view, onFound = () => {}) {
  const input = form.querySelector('#zoekveld');
  const list = form.querySelector('#zoekresultaten');

  function zoomTo(result) {
    view.fit(result.bbox, { padding: [40, 40, 40, 40], duration: 0 });
    list.replaceChildren();
    input.value = result.naam;
    document.body.dataset.gezocht = result.code;
    onFound(result);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const q = input.value.trim();
    if (!q) return;
    const response = await fetch(`/api/zoek?q=${encodeURIComponent(q)}`);
    const { resultaten } = await response.json();
    list.replaceChildren();
    if (resultaten.length === 0) {
      const li = document.createElement('li');
      li.textContent = `Niets gevonden voor "${q}".`;
      list.append(li);
      return;
    }
    zoomTo(resultaten[0]);
    if (resultaten.length > 1) {
      for (const r of resultaten.slice(1)) {
        const li = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = `${r.naam} (${r.niveau}, ${r.code})`;
        button.addEventListener('click', () => zoomTo(r));
        li.append(button);
        list.append(li);
      }
    }
  });
}
