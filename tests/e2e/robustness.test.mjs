// Robustness under abuse: click storms, stops at awkward moments, a panic, a hidden tab.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, traceOf } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const status = (page) => page.getByRole('status', { name: 'Run status' });
const finished = (page) => status(page).filter({ hasText: 'Finished.' }).waitFor();
const lines = async (page) => (await traceOf(page)).map((e) => `${e.who} ${e.event}`);
const TASKS = ['main start', '1 start', '2 start', '1 return', 'main result', '2 return', 'main result', 'main end'];

test('30 clicks on Run in a second leave exactly one complete run', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?v=1&unit=100`);
  const run = page.getByRole('button', { name: /^Run( again)?$/ });
  const started = Date.now();
  for (let i = 0; i < 30; i += 1) await run.click({ delay: 0 });
  const took = Date.now() - started;
  await finished(page);
  await page.waitForTimeout(400); // any older run would have ended by now
  assert.deepEqual(await lines(page), TASKS, `after 30 clicks in ${took} ms`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('stopping during a blocking sleep leaves a consistent page that runs again', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?v=1&lesson=blocking&unit=300&linger=1`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('button', { name: 'Stop' }).click(); // lands once the loop is free again
  await status(page).filter({ hasText: /^(Stopped|Finished)\.$/ }).waitFor();
  const stopped = await lines(page);
  assert.equal(stopped[0], 'main start');
  await page.waitForTimeout(500);
  assert.deepEqual(await lines(page), stopped, 'nothing more appears after Stop');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await finished(page);
  assert.deepEqual((await lines(page)).at(-1), 'main end');
  assert.deepEqual(errors, []);
  await page.close();
});

test('stopping during a worker wait stops the busy workers, and fresh ones run the next run', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?v=1&lesson=offload&jobs=3,4&unit=300`);
  await page.getByRole('status', { name: 'Worker pool' }).filter({ hasText: 'ready' }).waitFor();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.locator('.output [data-event="worker-start"][data-who="2"]').waitFor();
  // The jobs sleep 0.9 s and 1.2 s: Stop lands while both workers are busy, however slow the click.
  await page.getByRole('button', { name: 'Stop' }).click();
  await status(page).filter({ hasText: 'Stopped.' }).waitFor();
  assert.deepEqual((await lines(page)).slice(5), ['main cancel', '1 cancel', '2 cancel', '1 worker-free', '2 worker-free',
    'main end'], 'Ctrl-C: main, then the tasks, then the busy workers are stopped');
  await page.getByRole('status', { name: 'Worker pool' }).filter({ hasText: 'ready' }).waitFor();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await finished(page);
  const stream = (who, worker) => lines(page).then((ls) => ls.filter((l) => l.startsWith(`${who} `) && l.includes('worker') === worker));
  assert.deepEqual(await stream('main', false), ['main start', 'main result', 'main result', 'main end']);
  for (const k of [1, 2]) {
    assert.deepEqual(await stream(k, false), [`${k} start`, `${k} return`]);
    assert.deepEqual(await stream(k, true), [`${k} worker-start`, `${k} worker-free`]);
  }
  const end = (await traceOf(page)).at(-1).t;
  assert.ok(end < 4 * 300 + 0.15 * 300, `the new run was not held up by the stopped one (${end} ms)`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('five Run/Stop cycles leave exactly the pool\'s workers, and the next run is on time', async () => {
  const UNIT = 200;
  const { page, errors } = await openPage(browser, `${server.url}?v=1&lesson=offload&jobs=8,8,8,8&workers=2&unit=${UNIT}`);
  await page.getByRole('status', { name: 'Worker pool' }).filter({ hasText: 'ready' }).waitFor();
  for (let i = 0; i < 5; i += 1) {
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.locator('.output [data-event="worker-start"][data-who="2"]').waitFor();
    await page.getByRole('button', { name: 'Stop' }).click();
    await status(page).filter({ hasText: 'Stopped.' }).waitFor();
    const events = (await lines(page)).length;
    await page.waitForTimeout(100);
    assert.equal((await lines(page)).length, events, `cycle ${i + 1}: the stopped run writes nothing more`);
  }
  await page.getByRole('status', { name: 'Worker pool' }).filter({ hasText: 'ready' }).waitFor();
  // A terminated worker leaves page.workers() once the browser has closed it: wait for that.
  for (let waited = 0; page.workers().length !== 2 && waited < 3000; waited += 50) await page.waitForTimeout(50);
  assert.equal(page.workers().length, 2, 'the pool holds its two workers, no more');
  await page.goto(`${server.url}?v=1&lesson=offload&jobs=1,1.5&workers=2&unit=${UNIT}`);
  await page.getByRole('status', { name: 'Worker pool' }).filter({ hasText: 'ready' }).waitFor();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await finished(page);
  const end = (await traceOf(page)).at(-1).t / UNIT;
  assert.ok(Math.abs(end - 1.5) <= 0.15, `the next run ends on time (${end.toFixed(3)} s for 1.5 s)`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a fatal error shows an error banner with a reload button, not a dead page', async () => {
  const { page, errors } = await openPage(browser, server.url);
  // Nothing in the release build exists for tests: break the page's clock from outside instead.
  await page.evaluate(() => { performance.now = () => { throw new Error('a deliberate failure of performance.now'); }; });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'Something went wrong in the playground' });
  await banner.waitFor();
  assert.match(await banner.textContent(), /a deliberate failure of performance\.now/);
  assert.ok(errors.some((e) => /deliberate failure/.test(e)), 'the error is reported');
  await banner.getByRole('button', { name: 'Reload' }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0, 'the reloaded page works');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await finished(page);
  await page.close();
});

test('a tab hidden mid-run gives a run marked as throttled', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?v=1&unit=300`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.locator('.output [data-event="start"][data-who="2"]').waitFor();
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await finished(page);
  const summary = page.getByRole('region', { name: 'Summary' });
  assert.match(await summary.locator('[data-throttled]').textContent(), /Throttled run: the tab was hidden/);
  assert.match(await page.locator('.browser-stall').textContent(), /throttled/);
  assert.deepEqual(errors, []);
  await page.close();
});
