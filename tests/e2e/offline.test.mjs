// Offline: once opened, the site is cached by its service worker. With the network off, a reload
// shows the playground and every lesson runs (Web Workers included), and so does a learner's
// program (the Python engine's module and its workers); a new build's service
// worker drops the old cache; the web manifest makes the site installable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, serve, launch, launchProfile } from './helpers.mjs';
import { codeOf } from './python.mjs';

const LESSONS = ['sync', 'await', 'tasks', 'order', 'blocking', 'offload', 'gather'];
let site; // a copy of dist/, so that a test can publish a "new build" of it
let server;
let browser;
before(async () => {
  site = await mkdtemp(join(tmpdir(), 'site-'));
  await cp(DIST, site, { recursive: true });
  server = await serve(site);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** A fresh browser context with the page opened and its service worker in control. */
async function installed(query) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}${query}`);
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  return { context, page, errors };
}

test('with the network off, a reload shows the playground and every lesson runs', async () => {
  const { context, page, errors } = await installed('?v=1&unit=50');
  await context.setOffline(true);
  assert.equal(await page.evaluate(() => fetch('https://example.com/').then(() => 'online', () => 'offline')), 'offline');
  await page.reload();
  await page.getByRole('heading', { name: '3 Tasks' }).waitFor();
  for (const lesson of LESSONS) {
    await page.goto(`${server.url}?v=1&lesson=${lesson}&unit=50`);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Finished.' }).waitFor({ timeout: 20000 });
    assert.equal(await page.locator('.output [data-event="end"]').count(), 1, `${lesson} ran offline`);
  }
  await page.goto(`${server.url}?v=1&lesson=terms`);
  await page.getByRole('heading', { name: 'Terms' }).waitFor();
  // An embed, offline too.
  await page.goto(`${server.url}?v=1&lesson=gather&unit=50&embed=1&run=1`);
  await page.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Finished.' }).waitFor();
  // A learner's program too: the Python engine's module and its Web Workers come from the cache.
  const src = 'import asyncio\n\ndef work():\n    print("in a thread")\n\nasync def main():\n    await asyncio.to_thread(work)\n    print("offline")\n\nasyncio.run(main())\n';
  await page.goto(`${server.url}?v=1&code=${codeOf(src)}&unit=50&run=1`);
  await page.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Finished.' }).waitFor({ timeout: 20000 });
  const printed = await page.locator('.output [data-event="print"]').evaluateAll((ls) => ls.map((l) => l.dataset.text));
  assert.deepEqual(printed, ['in a thread', 'offline'], 'a program ran offline, its thread in a Web Worker');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link opened with run=1 caches the site only once its run is over', async () => {
  // Caching the site (fetching, storing, compiling its scripts) would compete with the run's timers.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}?v=1&lesson=order&unit=300&run=1`);
  const status = page.getByRole('status', { name: 'Run status' });
  await status.filter({ hasText: 'Running' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r === undefined)), true, 'no service worker during the run');
  await status.filter({ hasText: 'Finished.' }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  assert.equal((await page.evaluate(() => caches.keys())).length, 1, 'the site is cached after the run');
  await context.close();
});

test('a new build is a new cache: the old one is dropped once it takes over', async () => {
  const { context, page } = await installed('?v=1');
  const keys = () => page.evaluate(() => caches.keys());
  const [first] = await keys();
  assert.match(first, /^asyncio-playground http:\/\/127\.0\.0\.1:\d+\/ [0-9a-f]{16}$/);
  // Publish a "new build": the same site with another version of sw.js.
  const sw = await readFile(join(site, 'sw.js'), 'utf8');
  const version = first.split(' ').at(-1);
  await writeFile(join(site, 'sw.js'), sw.replace(`'${version}'`, "'0123456789abcdef'"));
  try {
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      const changed = new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      await registration.update();
      await changed;
    });
    await page.waitForFunction(async () => (await caches.keys()).length === 1 && (await caches.keys())[0].endsWith(' 0123456789abcdef'));
  } finally {
    await writeFile(join(site, 'sw.js'), sw);
  }
  await context.close();
});

test('the web manifest makes the playground installable', async () => {
  // In a profile of its own: Chromium installs nothing from an incognito window.
  const context = await launchProfile(await mkdtemp(join(tmpdir(), 'profile-')), { viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}?v=1`);
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  const manifest = JSON.parse(await (await page.request.get(`${server.url}manifest.webmanifest`)).text());
  assert.equal(manifest.start_url, './');
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  await context.close();
});
