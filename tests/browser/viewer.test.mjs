// The meeting viewer in a real browser: Debian's chromium, headless, driven by playwright-core
// (from web/node_modules). Starts `wijkatlas serve` on a free loopback port with a fresh store
// and checks: the page loads without console errors and without any request leaving
// 127.0.0.1; switching a layer changes the picture; clicking an initiative shows its name;
// searching a buurt zooms to it. Fails (never skips) when chromium or node_modules is missing.
// Screenshots go to --out for a person to look at.
import { spawn } from 'node:child_process';
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
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FOUT'} ${what}`);
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

function startServer() {
  const child = spawn(
    args.wijkatlas,
    ['serve', '--store', path.join(tmp, 'project.gpkg'), '--listen', '127.0.0.1:0',
     '--data-dir', args['data-dir']],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr.on('data', (d) => process.stderr.write(d));
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (d) => {
      seen += d;
      const m = seen.match(/wijkatlas serve: (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`wijkatlas serve ended with ${code}`)));
    setTimeout(() => reject(new Error('wijkatlas serve did not start in 90 s')), 90_000);
  });
}

async function settled(page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(
    () => new Promise((resolve) => {
      window.wijkatlas.map.once('rendercomplete', resolve);
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

  // Switch the CBS buurten on: the picture changes.
  await page.check('input[data-laag="buurten"]');
  await settled(page);
  const withBuurten = await map.screenshot({ path: path.join(outDir, '2_met_buurten.png') });
  check(!before.equals(withBuurten), 'de laag CBS-buurten aanzetten verandert de kaart');
  await page.uncheck('input[data-laag="buurten"]');
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
  await page.waitForSelector('#info:not([hidden])', { timeout: 5_000 }).catch(() => {});
  const title = await page.textContent('#info-titel');
  check(title.includes(target.naam), `klik op een initiatief toont de naam "${target.naam}"`);
  await page.screenshot({ path: path.join(outDir, '3_initiatief.png') });

  // Search a buurt: the view zooms to it.
  const wanted = await (await fetch(`${url}api/zoek?q=Elsweide`)).json();
  const box = wanted.resultaten[0].bbox;
  await page.evaluate(() => window.wijkatlas.view.setResolution(window.wijkatlas.view.getResolutions()[9]));
  await page.fill('#zoekveld', 'Elsweide');
  await page.press('#zoekveld', 'Enter');
  await page.waitForSelector('body[data-gezocht]', { timeout: 5_000 }).catch(() => {});
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
if (failures.length > 0) {
  console.error(`${failures.length} controle(s) mislukt`);
  process.exit(1);
}
