// Click (or Enter on the focused map) to inspect: every attribute of what lies under the
// cursor, with the Dutch labels the catalogue gives; points before areas.
// A layer's catalogue entry may have `meer(feature)`: a promise of more to show below the
// fields (a sketch's provenance and status history), fetched when it is clicked.
export function enableInspect(map, layers, panel) {
  const title = panel.querySelector('#info-titel');
  const fields = panel.querySelector('#info-velden');
  const more = panel.querySelector('#info-meer');
  let shown = 0; // the latest click: a slow answer for an earlier one is dropped

  function show(feature, layer) {
    const entry = layer.get('catalogus');
    title.textContent = `${entry.titel}: ${feature.get('naam') ?? feature.getId() ?? ''}`;
    fields.replaceChildren();
    for (const { naam, label } of entry.velden) {
      const value = feature.get(naam);
      if (value === undefined || value === null || value === '') continue;
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.textContent =
        typeof value === 'number' ? value.toLocaleString('nl-NL') : String(value);
      dd.dataset.veld = naam;
      fields.append(dt, dd);
    }
    more.replaceChildren();
    delete more.dataset.geladen;
    panel.hidden = false;
    panel.scrollIntoView({ block: 'nearest' }); // the panel scrolls: keep what was found in sight
    if (!entry.meer) return;
    const click = ++shown;
    entry
      .meer(feature)
      .then((nodes) => {
        if (click !== shown) return;
        more.replaceChildren(...nodes);
        more.dataset.geladen = String(feature.get('id') ?? '');
      })
      .catch((error) => {
        if (click !== shown) return;
        more.textContent = `Kon niet meer laden: ${error.message}`;
      });
  }

  map.on('singleclick', (event) => {
    let best = null;
    map.forEachFeatureAtPixel(
      event.pixel,
      (feature, layer) => {
        if (!layer || !layers.includes(layer)) return false;
        // A layer may rank itself for clicks (the figures above the programme wijken' outline,
        // still below the points); else its drawing order does.
        const rank = layer.get('catalogus')?.klikrang ?? layer.getZIndex() ?? 0;
        if (!best || rank > best.rank) best = { feature, layer, rank };
        return false;
      },
      { hitTolerance: 4 },
    );
    if (best) show(best.feature, best.layer);
    else panel.hidden = true;
  });
}
