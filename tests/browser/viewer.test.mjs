// The meeting viewer in a real browser: Debian's chromium, headless, driven by playwright-core
// (from web/node_modules). Starts `wijkatlas serve` on a free loopback port with a fresh store
// and checks: the page loads without console errors and without any request leaving
// 127.0.0.1; switching a layer changes the picture; clicking an initiative shows its name;
// searching a buurt zooms to it; drawing, conflicts, removing one's own drawing and print; on 0.0.0.0 the page with the
// printed token draws, the page without it sees no single drawings and cannot draw. Fails (never skips) when chromium or node_modules is missing.
// Screenshots go to --out for a person to look at.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => {
    if (a.startsWith('--')) pairs.push([a.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const chromiumPath = '/usr/bin/chromium';
const webDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../web');
const failures = [];
const lines = [];
const check = (ok, what) => {
  const line = `${ok ? 'ok  ' : 'FOUT'} ${what}`;
  console.log(line);
  lines.push(line);
  if (!ok) failures.push(what);
};

if (!fs.existsSync(chromiumPath)) {
  console.error(`${chromiumPath} is missing: run scripts/install-deps.sh (Debian's chromium)`);
  process.exit(1);
}
if (!fs.existsSync(path.join(webDir, 'node_modules', 'playwright-core'))) {
  console.error('web/node_modules is missing: run scripts/install-deps.sh (npm ci in web/)');
  process.exit(1);
}
const require = createRequire(path.join(webDir, 'package.json'));
const { chromium } = require('playwright-core');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-viewer-'));
const outDir = args.out ?? path.join(tmp, 'screenshots');
fs.mkdirSync(outDir, { recursive: true });

const storePath = path.join(tmp, 'project.gpkg');

// On loopback resolves with the page's address; on 0.0.0.0 also with the printed token (the
// printed address has this machine's network address: the browser uses 127.0.0.1 and its port).
function startServer(listen = '127.0.0.1:0', store = storePath) {
  const child = spawn(
    args.wijkatlas,
    ['serve', '--store', store, '--listen', listen, '--data-dir', args['data-dir']],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr.on('data', (d) => process.stderr.write(d));
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (d) => {
      seen += d;
      const m = seen.match(/wijkatlas serve: http:\/\/[^ ]+:(\d+)\//);
      const token = seen.match(/met sleutel: http:\/\/[^ ]+:\d+\/\?token=([0-9a-f]{32})\n/);
      if (m && (listen.startsWith('127.') || token))
        resolve({ child, url: `http://127.0.0.1:${m[1]}/`, token: token?.[1] });
    });
    child.on('exit', (code) => reject(new Error(`wijkatlas serve ended with ${code}`)));
    setTimeout(() => reject(new Error('wijkatlas serve did not start in 90 s')), 90_000);
  });
}

async function settled(page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(
    () => new Promise((resolve) => {
      window.wijkatlas.map.once('rendercomplete', () => resolve());
      window.wijkatlas.map.render();
    }),
  );
}

const { child, url } = await startServer();
const context = await chromium.launchPersistentContext(path.join(tmp, 'profiel'), {
  executablePath: chromiumPath,
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors = [];
  const outside = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.protocol !== 'blob:' && u.hostname !== '127.0.0.1')
      outside.push(r.url());
  });

  await page.goto(url);
  await page.waitForSelector('body[data-klaar="ja"]', { timeout: 60_000 });
  await settled(page);
  const map = page.locator('#kaart');
  const before = await map.screenshot({ path: path.join(outDir, '1_start.png') });
  await page.screenshot({ path: path.join(outDir, '0_pagina.png') });
  // The map is drawn up to its right edge: no strip of bare background or empty paper there
  // (the start view once reached past the OSM extract's eastern edge).
  const edge = await page.evaluate(async (png) => {
    const image = new Image();
    image.src = `data:image/png;base64,${png}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    // Background and paper tones: #faf9f6 around the map, the renderer's paper 251,250,249.
    const bare = (r, g, b) => [[250, 249, 246], [251, 250, 249], [255, 255, 255]].some(
      ([br, bg, bb]) => Math.abs(r - br) <= 6 && Math.abs(g - bg) <= 6 && Math.abs(b - bb) <= 6);
    const share = (x0, x1) => {
      const { data } = ctx.getImageData(x0, 0, x1 - x0, image.height - 30);
      let drawn = 0;
      for (let i = 0; i < data.length; i += 4) if (!bare(data[i], data[i + 1], data[i + 2])) drawn += 1;
      return drawn / (data.length / 4);
    };
    return { right: share(image.width - 8, image.width), middle: share(image.width / 2 - 4, image.width / 2 + 4) };
  }, before.toString('base64'));
  check(edge.right > 0.2 && edge.right > edge.middle / 4,
        `de kaart is tot de rechterrand getekend (${(100 * edge.right).toFixed(0)} % getekende pixels in de rechterste kolommen, midden ${(100 * edge.middle).toFixed(0)} %)`);

  // Switch the CBS buurten on: the picture changes.
  await page.check('input[data-laag="buurten"]');
  await settled(page);
  const withBuurten = await map.screenshot({ path: path.join(outDir, '2_met_buurten.png') });
  check(!before.equals(withBuurten), 'de laag CBS-buurten aanzetten verandert de kaart');
  await page.uncheck('input[data-laag="buurten"]');
  await settled(page);

  // Colour the buurten by a key figure: the server classes it (natural breaks), the legend's
  // counts add up to the buurten, the picture changes, and a click in a coloured buurt shows
  // its name and figure under the measure's CBS title.
  await page.check('#cijfers-aan');
  await page.selectOption('#cijfers-indeling', 'natuurlijke_grenzen');
  await page.waitForFunction(() => (document.getElementById('cijfers').dataset.geladen ?? '')
    .includes('natuurlijke_grenzen'), null, { timeout: 30_000 }).catch(() => {});
  await settled(page);
  const figures = await page.evaluate(() => {
    const items = [...document.querySelectorAll('#cijfers-legenda li')].slice(1).map((li) => li.textContent);
    const counts = items.map((t) => Number(t.match(/\((\d+)\)$/)?.[1] ?? NaN));
    const buurten = window.wijkatlas.overlays.find((l) => l.get('catalogus').id === 'buurten')
      .getSource().getFeatures().length;
    return { items, total: counts.reduce((a, b) => a + b, 0), buurten,
             measure: document.getElementById('cijfers-maat').selectedOptions[0]?.textContent ?? '' };
  });
  const withFigures = await map.screenshot({ path: path.join(outDir, '2b_cijfers.png') });
  check(figures.items.length >= 3 && figures.total === figures.buurten && !before.equals(withFigures),
        `"${figures.measure}" kleurt de buurten in ${figures.items.length} klassen; de aantallen tellen op tot ${figures.total} van ${figures.buurten} buurten`);
  const clicked = await page.evaluate(() => {
    const { map, view, overlays } = window.wijkatlas;
    const buurten = overlays.find((l) => l.get('catalogus').id === 'buurten').getSource().getFeatures();
    const f = buurten.filter((x) => typeof x.get('cijfer') === 'number')
      .sort((a, b) => b.getGeometry().getArea() - a.getGeometry().getArea())[0];
    const at = f.getGeometry().getInteriorPoints().getPoint(0).getCoordinates();
    view.setResolution(view.getResolutions()[13]);
    view.setCenter(at);
    map.renderSync();
    const [x, y] = map.getPixelFromCoordinate(at);
    return { x, y, naam: f.get('naam'), cijfer: f.get('cijfer').toLocaleString('nl-NL') };
  });
  await settled(page);
  await map.click({ position: { x: clicked.x, y: clicked.y } });
  await page.waitForSelector('#info:not([hidden])', { timeout: 30_000 }).catch(() => {});
  const figureInfo = await page.textContent('#info');
  check(figureInfo.includes(clicked.naam) && figureInfo.includes(figures.measure) &&
        figureInfo.includes(clicked.cijfer),
        `klik in een gekleurde buurt toont ${clicked.naam}: ${figures.measure} ${clicked.cijfer}`);
  await page.screenshot({ path: path.join(outDir, '2c_cijfer_aangeklikt.png') });
  // Closed again, so the next click's panel is not this one's (a single click shows after 250 ms).
  await page.evaluate(() => { document.getElementById('info').hidden = true; });
  await page.uncheck('#cijfers-aan');
  await settled(page);

  // Click an initiative: its name appears.
  const target = await page.evaluate(() => {
    const { map, view, overlays } = window.wijkatlas;
    const layer = overlays.find((l) => l.get('catalogus').id === 'initiatieven');
    const feature = layer.getSource().getFeatures()[0];
    const at = feature.getGeometry().getCoordinates();
    view.setResolution(view.getResolutions()[14]);
    view.setCenter(at);
    map.renderSync();
    const [x, y] = map.getPixelFromCoordinate(at);
    return { x, y, naam: feature.get('naam') };
  });
  await settled(page);
  await map.click({ position: { x: target.x, y: target.y } });
  await page.waitForSelector('#info:not([hidden])', { timeout: 30_000 }).catch(() => {});
  const title = await page.textContent('#info-titel');
  check(title.includes(target.naam), `klik op een initiatief toont de naam "${target.naam}"`);
  await page.screenshot({ path: path.join(outDir, '3_initiatief.png') });

  // Search a buurt: the view zooms to it.
  const wanted = await (await fetch(`${url}api/zoek?q=Elsweide`)).json();
  const box = wanted.resultaten[0].bbox;
  await page.evaluate(() => window.wijkatlas.view.setResolution(window.wijkatlas.view.getResolutions()[9]));
  await page.fill('#zoekveld', 'Elsweide');
  await page.press('#zoekveld', 'Enter');
  await page.waitForSelector('body[data-gezocht]', { timeout: 30_000 }).catch(() => {});
  const view = await page.evaluate(() => {
    const { map, view } = window.wijkatlas;
    return { centre: view.getCenter(), extent: view.calculateExtent(map.getSize()) };
  });
  const [cx, cy] = view.centre;
  check(cx > box[0] && cx < box[2] && cy > box[1] && cy < box[3],
        `zoeken naar Elsweide zet het midden van de kaart in die buurt (${cx.toFixed(0)}, ${cy.toFixed(0)})`);
  const shown = (view.extent[2] - view.extent[0]) * (view.extent[3] - view.extent[1]);
  const buurt = (box[2] - box[0]) * (box[3] - box[1]);
  check(shown < 40 * buurt && view.extent[0] <= box[0] && view.extent[2] >= box[2],
        'en zoomt in tot de buurt, helemaal in beeld');
  const outlined = await page.evaluate(() =>
    window.wijkatlas.found.getSource().getFeatures().map((f) => f.get('naam')));
  check(outlined.length === 1 && outlined[0] === 'Elsweide', 'de gevonden buurt is omlijnd');
  await settled(page);
  await page.screenshot({ path: path.join(outDir, '4_gezocht.png') });

  // ---- Drawing with the room ----
  const session = 'Browsertest tafel';
  await page.fill('#teken-sessie', session);
  await page.press('#teken-sessie', 'Tab'); // 'change': the page loads that session's drawings
  await page.evaluate(() => {
    const { view } = window.wijkatlas;
    view.setCenter([192500, 444800]);
    view.setResolution(view.getResolutions()[12]);
  });
  await settled(page);

  // An area with the mouse: four corners, then the first one again to close it.
  await page.check('input[name="teken-categorie"][value="probleem"]');
  await page.fill('#teken-notitie', 'Hier wordt te hard gereden');
  await page.click('button[data-vorm="Polygon"]');
  const mapBox = await map.boundingBox();
  const corners = [[300, 250], [460, 250], [460, 380], [300, 380], [300, 250]];
  for (const [x, y] of corners) {
    await page.mouse.click(mapBox.x + x, mapBox.y + y);
    await page.waitForTimeout(300);
  }
  await page.waitForFunction(() => document.body.dataset.tekeningen === '1', null, { timeout: 30_000 })
    .catch(() => {});
  const afterArea = await (await fetch(`${url}api/tekeningen?sessie=${encodeURIComponent(session)}`)).json();
  const area = afterArea.features.find((f) => f.geometry.type === 'Polygon');
  check(area && area.properties.categorie === 'probleem' && area.properties.kanaal === 'scherm' &&
        area.properties.notitie === 'Hier wordt te hard gereden',
        `een vlak getekend met de muis is opgeslagen (${JSON.stringify(area?.properties ?? null)})`);

  // A point without a mouse: the keyboard reaches the button, the arrows move the map under the
  // cross, Enter places the point.
  await page.check('input[name="teken-categorie"][value="idee"]');
  await page.focus('#teken-toetsen');
  await page.keyboard.press('Enter');
  check(await page.isVisible('#kruis'), 'het kruis staat in het midden van de kaart');
  const centreBefore = await page.evaluate(() => window.wijkatlas.view.getCenter());
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowUp');
  const centre = await page.evaluate(() => window.wijkatlas.view.getCenter());
  check(centre[0] > centreBefore[0] + 30 && centre[1] > centreBefore[1],
        `de pijltjes verschuiven de kaart onder het kruis (${(centre[0] - centreBefore[0]).toFixed(1)} m oost)`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.body.dataset.tekeningen === '2', null, { timeout: 30_000 })
    .catch(() => {});
  const afterPoint = await (await fetch(`${url}api/tekeningen?sessie=${encodeURIComponent(session)}`)).json();
  const point = afterPoint.features.find((f) => f.geometry.type === 'Point');
  check(point && point.properties.categorie === 'idee' &&
        Math.hypot(point.geometry.coordinates[0] - centre[0], point.geometry.coordinates[1] - centre[1]) < 0.05,
        `Enter zet een punt onder het kruis (${JSON.stringify(point?.geometry.coordinates ?? null)})`);
  await page.keyboard.press('Escape');
  await settled(page);
  await map.screenshot({ path: path.join(outDir, '5_getekend.png') });

  // After a reload both are there (the session is remembered).
  await page.reload();
  await page.waitForSelector('body[data-klaar="ja"]', { timeout: 60_000 });
  const reloaded = await page.evaluate(() =>
    window.wijkatlas.drawn.getSource().getFeatures().map((f) => f.getGeometry().getType()).sort());
  check(JSON.stringify(reloaded) === JSON.stringify(['Point', 'Polygon']),
        `na herladen staan het vlak en het punt er nog (${reloaded.join(', ')})`);
  await page.screenshot({ path: path.join(outDir, '6_na_herladen.png') });

  // What residents drew, summed: the session's problems as "n van N" in the overlap map's
  // classes; the drawn area is there with n = 1, and the legend says so.
  await page.selectOption('#bewoners-sessie', session);
  await page.waitForFunction((s) => document.getElementById('bewoners').dataset.geladen === `${s}|probleem`,
                             session, { timeout: 30_000 }).catch(() => {});
  const together = await page.evaluate(() => ({
    counts: window.wijkatlas.residents.layers[0].getSource().getFeatures().map((f) => f.get('n_van_N')),
    legend: document.getElementById('bewoners-legenda').textContent,
    message: document.getElementById('bewoners-melding').textContent,
  }));
  check(together.counts.length === 1 && /^1 van \d+$/.test(together.counts[0]) &&
        together.legend.includes('n van N tekeningen') && together.legend.includes('1 van N') &&
        /^1 tekening;/.test(together.message) && /nog geen plekken/.test(together.message),
        `"Wat bewoners tekenden" toont het vlak als ${together.counts[0]} met legenda ("${together.message}")`);
  await settled(page);
  await page.screenshot({ path: path.join(outDir, '6b_samen_getekend.png') });

  // The command line lists them.
  const listed = spawnSync(args.wijkatlas, ['status', '--store', storePath, '--session', session,
                                            '--sketches'], { encoding: 'utf8' });
  check(listed.status === 0 && /probleem\s+vlak/.test(listed.stdout) && /idee\s+punt/.test(listed.stdout),
        `wijkatlas status --sketches toont ze (${listed.stdout.trim().split('\n').slice(-2).join(' | ')})`);

  // Inspect a drawing: where it came from and the statuses a planner gave it (from the command
  // line), never who gave them.
  const setStatus = spawnSync(args.wijkatlas, ['status', '--store', storePath, '--set', area.id, 'opgepakt',
                                               '--note', 'Drempels besproken', '--by', 'Planner Browsertest'],
                              { encoding: 'utf8' });
  const areaAt = await page.evaluate((ring) => {
    const { map, view } = window.wijkatlas;
    // Near a corner: the point drawn later may lie in the middle, and a click takes it first.
    const c = [0.85 * ring[0][0] + 0.15 * ring[2][0], 0.85 * ring[0][1] + 0.15 * ring[2][1]];
    view.setCenter(c);
    map.renderSync();
    const [x, y] = map.getPixelFromCoordinate(c);
    return { x, y };
  }, area.geometry.coordinates[0]);
  await settled(page);
  await map.click({ position: areaAt });
  await page.waitForFunction((id) => document.getElementById('info-meer').dataset.geladen === id, area.id,
                             { timeout: 30_000 }).catch(() => {});
  const provenance = await page.textContent('#info-meer');
  check(setStatus.status === 0 && provenance.includes('Herkomst') && provenance.includes('getekend op het scherm') &&
        provenance.includes('Statusgeschiedenis') && provenance.includes('opgepakt') &&
        provenance.includes('Drempels besproken') && !provenance.includes('Browsertest'),
        `klik op een tekening toont herkomst en statusgeschiedenis ("${provenance.slice(0, 160)}"; status --set: ${setStatus.status} ${(setStatus.stderr ?? '').trim().slice(0, 200)})`);
  await page.locator('#info').screenshot({ path: path.join(outDir, '6c_herkomst.png') });

  // Two pages move the same point: the second one, based on the old version, gets the conflict;
  // the first one's move stays.
  const other = await context.newPage();
  other.on('pageerror', (e) => consoleErrors.push(String(e)));
  await other.goto(url);
  await other.waitForSelector('body[data-klaar="ja"]', { timeout: 60_000 });
  const dragPoint = async (p, dx) => {
    const at = await p.evaluate(() => {
      const { map, view, drawn } = window.wijkatlas;
      const feature = drawn.getSource().getFeatures().find((f) => f.getGeometry().getType() === 'Point');
      view.setCenter(feature.getGeometry().getCoordinates());
      view.setResolution(view.getResolutions()[13]);
      map.renderSync();
      return map.getPixelFromCoordinate(feature.getGeometry().getCoordinates());
    });
    await settled(p);
    await p.click('#teken-wijzig');
    const b = await p.locator('#kaart').boundingBox();
    await p.mouse.move(b.x + at[0], b.y + at[1]);
    await p.mouse.down();
    await p.mouse.move(b.x + at[0] + dx / 2, b.y + at[1], { steps: 4 });
    await p.mouse.move(b.x + at[0] + dx, b.y + at[1], { steps: 4 });
    await p.mouse.up();
    await p.waitForFunction(() => Number(document.body.dataset.wijzigingen ?? 0) >= 1, null,
                            { timeout: 30_000 }).catch(() => {});
    await p.waitForTimeout(500);
  };
  await dragPoint(page, 60);
  const moved = (await (await fetch(`${url}api/tekeningen/${point.id}`)).json()).tekening;
  check(moved.properties.versie === 2 && moved.geometry.coordinates[0] > point.geometry.coordinates[0] + 5,
        `slepen verplaatst het punt (versie ${moved.properties.versie})`);
  await dragPoint(other, -60);
  const shownMessage = await other.textContent('#teken-melding');
  check(/intussen gewijzigd/.test(shownMessage) && /ging uit van versie 1; nu is het versie 2/.test(shownMessage) &&
          !/changed|version/.test(shownMessage),
        `de tweede pagina krijgt de botsing te zien ("${shownMessage.slice(0, 90)}...")`);
  const after = (await (await fetch(`${url}api/tekeningen/${point.id}`)).json()).tekening;
  check(after.properties.versie === 2 &&
        after.geometry.coordinates[0] === moved.geometry.coordinates[0],
        'de verplaatsing van de eerste pagina blijft staan');
  const otherShows = await other.evaluate((id) =>
    window.wijkatlas.drawn.getSource().getFeatureById(id).getGeometry().getCoordinates(), point.id);
  check(Math.abs(otherShows[0] - moved.geometry.coordinates[0]) < 0.05,
        'en de tweede pagina toont het punt zoals het nu is');
  await other.screenshot({ path: path.join(outDir, '7_botsing.png') });
  await other.close();

  // The page removes its own point with the button in its list of own drawings.
  const ownButtons = await page.$$eval('#teken-eigen button', (bs) => bs.map((b) => b.dataset.verwijder));
  check(ownButtons.includes(point.id) && ownButtons.includes(area.id),
        `de eigen tekeningen staan in het paneel met een knop Verwijder (${ownButtons.join(', ')})`);
  await page.click(`#teken-eigen button[data-verwijder="${point.id}"]`);
  await page.waitForFunction((id) => document.body.dataset.verwijderd === id, point.id, { timeout: 30_000 })
    .catch(() => {});
  const goneStatus = (await fetch(`${url}api/tekeningen/${point.id}`)).status;
  const remaining = (await (await fetch(`${url}api/tekeningen?sessie=${encodeURIComponent(session)}`)).json())
    .features.map((f) => f.id);
  const shownNow = await page.evaluate(() => window.wijkatlas.drawn.getSource().getFeatures().map((f) => f.getId()));
  check(goneStatus === 404 && JSON.stringify(remaining) === JSON.stringify([area.id]) &&
        JSON.stringify(shownNow) === JSON.stringify([area.id]),
        `"Verwijder" haalt het punt weg uit de opslag en van de kaart (${goneStatus}, over: ${remaining.join(', ')})`);

  // ---- Print: the view as a PDF at 1:10,000 on A4 landscape, and as a map definition ----
  await page.evaluate(() => {
    const { view } = window.wijkatlas;
    view.setCenter([192500, 444800]);
    view.setResolution(view.getResolutions()[11]);
  });
  await page.selectOption('#druk-schaal', '10000');
  await page.selectOption('#druk-papier', 'A4');
  await page.check('input[name="druk-richting"][value="liggend"]');
  await page.fill('#druk-titel', 'Tafel in de browsertest');
  const pdfPath = path.join(outDir, '8_afdruk.pdf');
  const [pdfDownload] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    page.click('#druk-pdf'),
  ]);
  await pdfDownload.saveAs(pdfPath);
  const info = spawnSync('pdfinfo', [pdfPath], { encoding: 'utf8' }).stdout;
  check(/Page size:\s+841\.89 x 595\.276 pts \(A4\)/.test(info),
        `de PDF is A4 liggend (${(info.match(/Page size:.*/) ?? ['?'])[0]})`);
  const pdfText = spawnSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).stdout;
  check(pdfText.includes('Schaal 1:10.000') && pdfText.includes('Tafel in de browsertest') &&
        pdfText.includes('Getekend: probleem'),
        'op de PDF: de schaal 1:10.000, de titel en het getekende vlak in de legenda');
  check(pdfText.includes('Samen getekend: 1 van N'),
        'op de PDF ook "Samen getekend" zoals het scherm het toont (1 van N)');
  spawnSync('pdftoppm', ['-png', '-r', '60', '-singlefile', pdfPath, path.join(outDir, '8_afdruk')]);

  const tomlPath = path.join(outDir, '9_kaart.toml');
  const [tomlDownload] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.click('#druk-toml'),
  ]);
  await tomlDownload.saveAs(tomlPath);
  const again = path.join(outDir, '9_kaart_opnieuw.pdf');
  const rendered = spawnSync(args.wijkatlas, ['map', tomlPath, '-o', again, '--data-dir', args['data-dir']],
                             { encoding: 'utf8' });
  const againInfo = spawnSync('pdfinfo', [again], { encoding: 'utf8' }).stdout ?? '';
  const againText = spawnSync('pdftotext', ['-layout', again, '-'], { encoding: 'utf8' }).stdout ?? '';
  check(rendered.status === 0 && /841\.89 x 595\.276 pts/.test(againInfo) &&
        againText.includes('Schaal 1:10.000') && againText.includes('Getekend: probleem'),
        `wijkatlas map maakt van de kaartdefinitie dezelfde kaart (${rendered.stderr.trim().slice(0, 200)})`);

  // ---- Presenter mode: large type on the beamer, and back ----
  const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  const normalSize = await fontSize();
  await page.click('#presentatie');
  await settled(page);
  const presenterSize = await fontSize();
  await page.screenshot({ path: path.join(outDir, '9b_presentatie.png') });
  const presenterMap = await page.evaluate(() => window.wijkatlas.map.getSize());
  await page.click('#presentatie');
  await settled(page);
  check(presenterSize >= 1.3 * normalSize && (await fontSize()) === normalSize && presenterMap[0] > 0,
        `de presentatiestand vergroot de letters (${normalSize} px naar ${presenterSize} px) en zet ze terug`);

  // ---- "Stille ronde": a point drawn during the round is stored but kept off the beamer, the
  // panel counts it, and revealing shows it ----
  const shownDrawings = () => page.evaluate(() => {
    const { drawn } = window.wijkatlas;
    const style = drawn.getStyleFunction();
    const all = drawn.getSource().getFeatures();
    return { total: all.length, shown: all.filter((f) => style(f, 1) !== null).length };
  });
  const beforeRound = await shownDrawings();
  await page.click('#stille-ronde');
  await page.focus('#teken-toetsen');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.getElementById('tekenen').dataset.wachtend === '1', null,
                             { timeout: 20_000 }).catch(() => {});
  const duringRound = await shownDrawings();
  const waitingText = await page.textContent('#stille-melding');
  const storedDuring = await (await fetch(`${url}api/tekeningen?sessie=${encodeURIComponent(session)}`)).json();
  check(duringRound.total === beforeRound.total + 1 && duringRound.shown === beforeRound.shown &&
        storedDuring.features.length === beforeRound.total + 1 && /1 nieuwe tekening wacht/.test(waitingText),
        `in een stille ronde is de nieuwe tekening opgeslagen maar niet te zien ("${waitingText}")`);
  await page.click('#stille-ronde');
  await page.waitForFunction(() => document.getElementById('tekenen').dataset.wachtend === '0', null,
                             { timeout: 30_000 }).catch(() => {});
  await settled(page);
  const afterReveal = await shownDrawings();
  check(afterReveal.shown === afterReveal.total && afterReveal.total === beforeRound.total + 1,
        `onthullen toont haar (${afterReveal.shown} van ${afterReveal.total} tekeningen te zien)`);

  // ---- "Sinds vorige keer": everything drawn today is new since this morning, listed and on
  // the map; a list item zooms to its place ----
  const today = new Date().toISOString().slice(0, 10);
  await page.fill('#sinds-datum', today);
  await page.waitForFunction((d) => document.getElementById('sinds').dataset.geladen === `vanaf=${d}`,
                             today, { timeout: 30_000 }).catch(() => {});
  const sinceShown = await page.evaluate(() => ({
    onMap: window.wijkatlas.since.layer.getSource().getFeatures().map((f) => f.get('soort')),
    items: [...document.querySelectorAll('#sinds-lijst li')].map((li) => li.textContent),
    legend: document.getElementById('sinds-legenda').textContent,
    message: document.getElementById('sinds-melding').textContent,
  }));
  const newOnes = sinceShown.onMap.filter((k) => k === 'nieuwe_tekening').length;
  check(newOnes === afterReveal.total && sinceShown.items.filter((t) => t.startsWith('Nieuw getekend')).length === newOnes &&
        sinceShown.legend.includes(`Nieuw getekend: ${newOnes}`),
        `"Sinds vorige keer" toont de ${afterReveal.total} tekeningen van vandaag als nieuw, op de kaart en in de lijst ("${sinceShown.message}")`);
  const centreBeforeZoom = await page.evaluate(() => window.wijkatlas.view.getCenter());
  await page.click('#sinds-lijst li button');
  await page.waitForTimeout(600);
  const centreAfterZoom = await page.evaluate(() => window.wijkatlas.view.getCenter());
  check(Math.hypot(centreAfterZoom[0] - centreBeforeZoom[0], centreAfterZoom[1] - centreBeforeZoom[1]) > 1,
        'een regel van de lijst zoomt naar haar plek');
  await settled(page);
  await page.screenshot({ path: path.join(outDir, '9c_sinds_vorige_keer.png') });

  // ---- A place without the map: buurt -> street -> "bij" a landmark, by keyboard, stored as
  // a point with where it is in its note ----
  const storedBefore = (await (await fetch(`${url}api/tekeningen?sessie=${encodeURIComponent(session)}`)).json()).features.length;
  await page.focus('#aanwijzen summary');
  await page.keyboard.press('Enter');
  await page.selectOption('#aanwijzen-buurt', 'BU02020732');
  await page.waitForFunction(() => document.querySelectorAll('#aanwijzen-straat option').length > 5, null,
                             { timeout: 30_000 }).catch(() => {});
  await page.selectOption('#aanwijzen-straat', 'Klarendalseweg');
  await page.waitForFunction(() => Number(document.getElementById('aanwijzen').dataset.plekken ?? 0) > 0, null,
                             { timeout: 30_000 }).catch(() => {});
  await page.selectOption('#aanwijzen-bij', '1');
  const chosen = await page.evaluate(() => document.getElementById('aanwijzen-bij').selectedOptions[0].textContent);
  await page.focus('#aanwijzen-zet');
  await page.keyboard.press('Enter');
  let picked = null;
  for (let i = 0; i < 60 && !picked; i += 1) {
    const now = await (await fetch(`${url}api/tekeningen?sessie=${encodeURIComponent(session)}`)).json();
    if (now.features.length > storedBefore) picked = now.features.find((f) => /Klarendalseweg/.test(f.properties.notitie ?? ''));
    else await page.waitForTimeout(500);
  }
  const place = picked?.geometry.coordinates ?? [0, 0];
  check(picked && picked.geometry.type === 'Point' && picked.properties.notitie.startsWith('bij ') &&
        place[0] > 191000 && place[0] < 192400 && place[1] > 444000 && place[1] < 445000,
        `"Plek aanwijzen zonder kaart" zet een punt ${chosen} in Klarendal-Zuid ("${picked?.properties.notitie}", ${place.map(Math.round).join(', ')})`);
  await settled(page);
  await page.screenshot({ path: path.join(outDir, '9d_plek_aanwijzen.png') });

  // ---- English with a switch, Dutch again with the same button ----
  await page.click('#taal');
  await settled(page);
  const inEnglish = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    headings: [...document.querySelectorAll('#paneel h2')].map((h) => h.textContent),
    layers: document.getElementById('lagen').textContent,
    button: document.getElementById('taal').textContent,
    search: document.getElementById('zoekveld').placeholder,
  }));
  await page.screenshot({ path: path.join(outDir, '9e_english.png') });
  await page.click('#taal');
  const backInDutch = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    headings: [...document.querySelectorAll('#paneel h2')].map((h) => h.textContent),
  }));
  check(inEnglish.lang === 'en' && inEnglish.headings.includes('Layers') &&
        inEnglish.headings.includes('What residents drew') && inEnglish.layers.includes('Programme districts') &&
        inEnglish.button === 'Nederlands' && /^Search/.test(inEnglish.search) &&
        backInDutch.lang === 'nl' && backInDutch.headings.includes('Lagen') &&
        backInDutch.headings.includes('Wat bewoners tekenden'),
        `de knop English zet de bediening in het Engels (${inEnglish.headings.slice(0, 3).join(', ')}) en weer terug`);

  // ---- Beyond this machine (--listen 0.0.0.0:0): the token ----
  const open = await startServer('0.0.0.0:0', path.join(tmp, 'netwerk.gpkg'));
  try {
    const listOf = async (token) => {
      const r = await fetch(`${open.url}api/tekeningen`, { headers: token ? { 'X-Wijkatlas-Token': token } : {} });
      return { status: r.status, body: await r.json() };
    };
    const keyboardPoint = async (p) => {
      await p.focus('#teken-toetsen');
      await p.keyboard.press('Enter');
      await p.keyboard.press('ArrowLeft');
      await p.keyboard.press('Enter');
    };
    // The operator's page, opened with the token in its address, draws.
    const operator = await context.newPage();
    operator.on('pageerror', (e) => consoleErrors.push(String(e)));
    await operator.goto(`${open.url}?token=${open.token}`);
    await operator.waitForSelector('body[data-klaar="ja"]', { timeout: 60_000 });
    await keyboardPoint(operator);
    await operator.waitForFunction(() => document.body.dataset.tekeningen === '1', null, { timeout: 30_000 })
      .catch(() => {});
    const stored = await listOf(open.token);
    check(stored.status === 200 && stored.body.features.length === 1,
          `met de sleutel in het adres slaat de pagina een tekening op (${stored.status}, ${stored.body.features?.length} tekening)`);
    await operator.close();

    // A phone with the plain address: no single drawings, and drawing is refused.
    const phone = await context.newPage();
    const phoneErrors = [];
    phone.on('pageerror', (e) => phoneErrors.push(String(e)));
    await phone.goto(open.url);
    await phone.waitForSelector('body[data-klaar="ja"]', { timeout: 60_000 });
    const seenByPhone = await phone.evaluate(() => ({
      features: window.wijkatlas.drawn.getSource().getFeatures().length,
      refused: document.body.dataset.tekeningenGeweigerd,
      message: document.getElementById('teken-melding').textContent,
      sketchesClosed: document.getElementById('bewoners-schetsen').disabled,
    }));
    check(seenByPhone.features === 0 && seenByPhone.refused === '401' && /sleutel/.test(seenByPhone.message) &&
          seenByPhone.sketchesClosed,
          `zonder sleutel toont de pagina geen losse tekeningen ("${seenByPhone.message.slice(0, 70)}...")`);
    await keyboardPoint(phone);
    await phone.waitForFunction(() => /sleutel/.test(document.getElementById('teken-melding').textContent) &&
                                       /Tekenen/.test(document.getElementById('teken-melding').textContent),
                                null, { timeout: 30_000 }).catch(() => {});
    const refusedMessage = await phone.textContent('#teken-melding');
    const afterPhone = await listOf(open.token);
    check(/Tekenen en afdrukken kan alleen met de sleutel/.test(refusedMessage) &&
          afterPhone.body.features.length === 1,
          `zonder sleutel wordt tekenen geweigerd en niets opgeslagen ("${refusedMessage.slice(0, 60)}...")`);
    check(phoneErrors.length === 0, `geen scriptfouten op de pagina zonder sleutel (${phoneErrors.join(' | ')})`);
    await phone.screenshot({ path: path.join(outDir, '10_zonder_sleutel.png') });
    await phone.close();
  } finally {
    open.child.kill('SIGTERM');
  }

  check(consoleErrors.length === 0, `geen fouten in de console (${consoleErrors.join(' | ')})`);
  check(outside.length === 0, `geen verzoek buiten 127.0.0.1 (${outside.slice(0, 5).join(', ')})`);
} catch (e) {
  failures.push(String(e.stack ?? e));
  console.error(e);
} finally {
  await context.close();
  child.kill('SIGTERM');
  fs.rmSync(path.join(tmp, 'profiel'), { recursive: true, force: true });
}
console.log(`schermafdrukken: ${outDir}`);
// Kept beside the screenshots: CTest shows a failing test's output only when asked.
fs.writeFileSync(path.join(outDir, 'controles.txt'), [...lines, ...failures.map((f) => `mislukt: ${f}`)].join('\n') + '\n');
if (failures.length > 0) {
  console.error(`${failures.length} controle(s) mislukt`);
  process.exit(1);
}
