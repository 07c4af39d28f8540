// Dutch by default, English with the header's switch (remembered by the browser). The page is
// written in Dutch; switched, every text of the interface that the dictionary knows is shown in
// English, also what the modules write later (a MutationObserver), and switching back restores
// the Dutch. Names from the data (buurten, streets, initiatives, CBS measures) stay as they are,
// and so do the server's messages apart from the common ones in `patterns` (their details stay
// Dutch).

// Whole texts (trimmed), Dutch -> English.
const words = {
  'wijkatlas – kaart voor de bijeenkomst': 'wijkatlas – map for the meeting',
  'Nationaal Programma Arnhem-Oost': 'National Programme Arnhem-East',
  'Zoek een buurt, wijk of CBS-code': 'Search a neighbourhood, district or CBS code',
  'Zoek buurt, wijk of CBS-code': 'Search neighbourhood, district or CBS code',
  Zoek: 'Search',
  Presentatie: 'Presentation',
  'Grote letters en sterk contrast, voor de beamer': 'Large type and strong contrast, for the projector',
  Kaart: 'Map',
  Lagen: 'Layers',
  'Cijfers per gebied': 'Figures per area',
  'Kleur de gebieden naar een cijfer': 'Colour the areas by a figure',
  Gebied: 'Area',
  buurten: 'neighbourhoods (buurten)',
  wijken: 'districts (wijken)',
  Klassen: 'Classes',
  Cijfer: 'Figure',
  Indeling: 'Classification',
  'even veel gebieden per klasse': 'as many areas per class (quantiles)',
  'gelijke stappen': 'equal steps',
  'natuurlijke grenzen (Jenks)': 'natural breaks (Jenks)',
  'Geen gegevens': 'No data',
  'Wat bewoners tekenden': 'What residents drew',
  Sessie: 'Session',
  'alle sessies': 'all sessions',
  Categorie: 'Category',
  problemen: 'problems',
  'fijne plekken': 'good places',
  ideeën: 'ideas',
  alles: 'all',
  'Samen getekend': 'Drawn together',
  'Samen getekend (n van N)': 'Drawn together (n of N)',
  'n van N tekeningen': 'n of N drawings',
  'Plekken en wat ermee gedaan is': 'Places and what was done with them',
  'Bladen: wat ze lieten zien': 'Sheets: the ground they showed',
  Blad: 'Sheet',
  Teruggekomen: 'Came back',
  'Plekken van sessie': 'Places of session',
  ja: 'yes',
  'nog niet': 'not yet',
  Vernieuw: 'Refresh',
  'Sinds vorige keer': 'Since last time',
  'Vorige sessie': 'Previous session',
  kies: 'choose',
  'of vanaf': 'or from',
  'Op de kaart': 'On the map',
  'Wat er nieuw of gewijzigd is': 'What is new or changed',
  'Kies de vorige sessie of een datum.': 'Choose the previous session or a date.',
  'Nieuw getekend': 'Newly drawn',
  'Tekening gewijzigd': 'Drawing changed',
  'Tekening verwijderd': 'Drawing removed',
  'Nieuwe plek': 'New place',
  'Status of notitie van een plek gewijzigd': "A place's status or note changed",
  'Nieuw initiatief': 'New initiative',
  'Wat is hier?': 'What is here?',
  'Tekenen met de zaal': 'Drawing with the room',
  Probleem: 'Problem',
  'Fijne plek': 'Good place',
  Idee: 'Idea',
  Notitie: 'Note',
  Punt: 'Point',
  Lijn: 'Line',
  Vlak: 'Area',
  'Punt met toetsenbord': 'Point with the keyboard',
  Verplaatsen: 'Move',
  Stop: 'Stop',
  'Plek aanwijzen zonder kaart': 'Point at a place without the map',
  'Kies de buurt, de straat en waar in de straat; het punt komt met de gekozen categorie en notitie.':
    'Choose the neighbourhood, the street and where in the street; the point gets the chosen category and note.',
  Buurt: 'Neighbourhood',
  Straat: 'Street',
  Waar: 'Where',
  'kies een buurt': 'choose a neighbourhood',
  'kies een straat': 'choose a street',
  'kies eerst een buurt': 'choose a neighbourhood first',
  'kies eerst een straat': 'choose a street first',
  'midden van de straat': 'middle of the street',
  'Zet punt': 'Set point',
  'Stille ronde': 'Silent round',
  Onthullen: 'Reveal',
  'Stille ronde: wordt bijgewerkt bij het onthullen.': 'Silent round: updated when revealed.',
  'Eigen tekeningen': 'Own drawings',
  Verwijder: 'Remove',
  Afdrukken: 'Print',
  Titel: 'Title',
  'Kaart van de bijeenkomst': 'Map of the meeting',
  Schaal: 'Scale',
  Papier: 'Paper',
  Richting: 'Orientation',
  Liggend: 'Landscape',
  Staand: 'Portrait',
  'Afdrukken (PDF)': 'Print (PDF)',
  'Exporteer als kaartdefinitie': 'Export as map definition',
  'Bezig…': 'Working…',
  Programmawijken: 'Programme districts',
  'CBS-wijken': 'CBS districts',
  'CBS-buurten': 'CBS neighbourhoods',
  'Initiatieven per thema': 'Initiatives by theme',
  Herkenningspunten: 'Landmarks',
  'school, kerk, station, winkel, ...': 'school, church, station, shop, ...',
  'Getekend op het scherm': 'Drawn on screen',
  Naam: 'Name',
  Code: 'Code',
  Kenmerk: 'Identifier',
  Thema: 'Theme',
  Omschrijving: 'Description',
  Status: 'Status',
  Startdatum: 'Start date',
  'Fictief voorbeeld': 'Fictitious example',
  Soort: 'Kind',
  Wat: 'What',
  Gewijzigd: 'Changed',
  Wanneer: 'When',
  'Getekend door': 'Drawn by',
  'Oppervlakte (m²)': 'Area (m²)',
  'Wat is er gedaan': 'What was done',
  Initiatief: 'Initiative',
  'Gewijzigd op': 'Changed on',
  Versie: 'Version',
  Plek: 'Place',
  'nog open': 'still open',
  'in behandeling': 'in progress',
  opgepakt: 'taken up',
  'geen actie': 'no action',
  'Schetsen van bladen, een voor een': 'Sketches from sheets, one by one',
  'Schets van een blad': 'Sketch from a sheet',
  'Alleen op het scherm van de begeleider': "Only on the facilitator's screen",
  Herkomst: 'Provenance',
  Bron: 'Source',
  Zekerheid: 'Certainty',
  '(geen blad)': '(no sheet)',
  'foto van een blad': 'photo of a sheet',
  'scan van een blad': 'scan of a sheet',
  'digitale tekening': 'digital drawing',
  'getekend op het scherm': 'drawn on screen',
  Statusgeschiedenis: 'Status history',
  'Nog geen status gegeven.': 'No status given yet.',
};

// Texts with numbers or names in them.
const patterns = [
  [/^(\d+) tekeningen?; (.*)$/, (m) => `${m[1]} drawing${m[1] === '1' ? '' : 's'}; ${m[2]}`],
  [/^nog geen plekken gemaakt\.?$/, () => 'no places made yet.'],
  [/^(teruggekomen|nog niet terug): (\d+)$/, (m) => `${m[1] === 'teruggekomen' ? 'came back' : 'not back yet'}: ${m[2]}`],
  [/^Opgeslagen als (S\d+) \((.*?)\)\.(.*)$/, (m) => `Saved as ${m[1]} (${english(m[2])}).${m[3]}`],
  [/^Niets nieuws sinds (.*)\.$/, (m) => `Nothing new since ${m[1]}.`],
  [/^(\d+) sinds (.*)\.$/, (m) => `${m[1]} since ${m[2]}.`],
  [/^Niets gevonden voor "(.*)"\.$/, (m) => `Nothing found for "${m[1]}".`],
  [/^huidige schaal \((.*)\)$/, (m) => `current scale (${m[1]})`],
  [/^Stille ronde: (\d+) nieuwe tekening(?:en)? wacht(?:en)? op onthullen\.$/,
    (m) => `Silent round: ${m[1]} new drawing${m[1] === '1' ? '' : 's'} waiting to be revealed.`],
  [/^(.*?): (nieuw|in behandeling|opgepakt|geen actie)( · .*)?$/,
    (m) => `${m[1]}: ${english(m[2])}${(m[3] ?? '').replace(' · initiatief ', ' · initiative ')}`],
  // The server's messages the page shows (their details stay Dutch).
  [/^(Losse tekeningen zijn alleen te zien|Tekenen en afdrukken kan alleen|De sleutel klopt niet \(hij geldt zolang deze server draait\)\. Gebruik) (?:met )?de sleutel van deze bijeenkomst: open de kaart via het adres of de QR-code op het scherm van de begeleider\.(.*)$/,
    (m) => `${{
      'Losse tekeningen zijn alleen te zien': 'Single drawings can only be seen with',
      'Tekenen en afdrukken kan alleen': 'Drawing and printing need',
      'De sleutel klopt niet (hij geldt zolang deze server draait). Gebruik': 'The key is wrong (it holds while this server runs). Use',
    }[m[1]]} this meeting's key: open the map through the address or the QR code on the facilitator's screen.${m[2]}`],
  [/^Iemand anders heeft dit intussen gewijzigd; uw wijziging is niet opgeslagen\. Bekijk de tekening zoals die nu is en doe de wijziging zo nodig opnieuw\.(.*)$/,
    (m) => `Someone else changed this in the meantime; your change was not saved. Look at the drawing as it is now and make the change again if needed.${m[1]}`],
  [/^De projectopslag is bezet door een andere schrijver; probeer het zo opnieuw\.(.*)$/,
    (m) => `The project store is busy with another writer; try again in a moment.${m[1]}`],
  [/^De projectopslag is nu niet te gebruiken\.(.*)$/, (m) => `The project store cannot be used now.${m[1]}`],
  [/^Er ging iets mis\.$/, () => 'Something went wrong.'],
  [/^(\d+) van N$/, (m) => `${m[1]} of N`],
  [/^bij (.*)$/, (m) => `near ${m[1]}`],
  [/^© OpenStreetMap-bijdragers(.*)$/, (m) => `© OpenStreetMap contributors${m[1]}`],
  [/^(.*) van (\d+)$/, (m) => `${m[1]} of ${m[2]}`],
];

function english(dutch) {
  const trimmed = dutch.trim();
  if (trimmed === '') return dutch;
  let found = words[trimmed];
  if (found === undefined) {
    for (const [pattern, make] of patterns) {
      const m = trimmed.match(pattern);
      if (m) {
        found = make(m);
        break;
      }
    }
  }
  if (found === undefined) return dutch;
  const lead = dutch.slice(0, dutch.indexOf(trimmed));
  const trail = dutch.slice(dutch.indexOf(trimmed) + trimmed.length);
  return lead + found + trail;
}

const attributes = ['placeholder', 'title', 'aria-label'];
const originals = new WeakMap(); // node -> {text, attrs}: the Dutch, to switch back

function translateNode(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const text = english(node.nodeValue);
    if (text !== node.nodeValue) {
      if (!originals.has(node)) originals.set(node, { text: node.nodeValue });
      node.nodeValue = text;
    }
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE || node.tagName === 'SCRIPT' || node.tagName === 'STYLE') return;
  if (node.id === 'taal') return; // the switch names the other language itself
  for (const name of attributes) {
    const value = node.getAttribute(name);
    if (value === null) continue;
    const text = english(value);
    if (text === value) continue;
    const saved = originals.get(node) ?? { attrs: {} };
    saved.attrs = saved.attrs ?? {};
    if (!(name in saved.attrs)) saved.attrs[name] = value;
    originals.set(node, saved);
    node.setAttribute(name, text);
  }
  for (const child of node.childNodes) translateNode(child);
}

function restoreNode(node) {
  const saved = originals.get(node);
  if (saved?.text !== undefined && node.nodeType === Node.TEXT_NODE) node.nodeValue = saved.text;
  if (saved?.attrs) for (const [name, value] of Object.entries(saved.attrs)) node.setAttribute(name, value);
  originals.delete(node);
  for (const child of node.childNodes ?? []) restoreNode(child);
}

export function enableLanguage(button) {
  let on = false;
  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === 'characterData') translateNode(m.target);
      for (const node of m.addedNodes) translateNode(node);
    }
  });
  const set = (english) => {
    on = english;
    document.documentElement.lang = english ? 'en' : 'nl';
    button.textContent = english ? 'Nederlands' : 'English';
    button.setAttribute('lang', english ? 'nl' : 'en');
    button.setAttribute('aria-pressed', String(english));
    localStorage.setItem('wijkatlas.taal', english ? 'en' : 'nl');
    if (english) {
      translateNode(document.documentElement);
      document.title = english ? words[document.title.trim()] ?? document.title : document.title;
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    } else {
      observer.disconnect();
      restoreNode(document.documentElement);
      document.title = 'wijkatlas – kaart voor de bijeenkomst';
    }
  };
  button.addEventListener('click', () => set(!on));
  set(localStorage.getItem('wijkatlas.taal') === 'en');
  return { english: () => on };
}
