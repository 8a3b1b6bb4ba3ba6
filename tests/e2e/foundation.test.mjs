// The release build loads as static files, the wasm renders, and a real run happens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, traceOf, screenshot } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the release build loads and the wasm renders the lessons', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.getByRole('navigation', { name: 'Lessons' }).waitFor();
  assert.equal(await page.getByRole('heading', { level: 2 }).textContent(), '3 Tasks');
  for (const title of ['Terms', '1 Synchronous', '2 Awaiting coroutines', '3 Tasks', '4 Await order',
    '5 Blocking sleep', '6 Threads and processes', '7 gather vs TaskGroup']) {
    assert.equal(await page.getByRole('button', { name: new RegExp(`^${title}`) }).count(), 1, title);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('a run of the tasks lesson happens on the real event loop', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.getByLabel('Speed (ms per second)').fill('200');
  await page.getByLabel('Speed (ms per second)').press('Tab');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Finished.' }).waitFor();
  const trace = await traceOf(page);
  assert.deepEqual(trace.map((e) => `${e.who} ${e.event}${e.of ? ` ${e.of}` : ''}`), [
    'main start', '1 start', '2 start', '1 return', 'main result 1', '2 return', 'main result 2', 'main end']);
  const end = trace.at(-1).t;
  assert.ok(end >= 400 && end < 400 + 0.15 * 200, `the run took ${end} ms of real time (2 s at 200 ms/s)`);
  assert.match(await page.getByRole('region', { name: 'Summary' }).textContent(), /the tasks overlapped/);
  await screenshot(page, 'tasks-1280');
  assert.deepEqual(errors, []);
  await page.close();
});
