// The timeline, the heartbeat, replay and export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openPage, traceOf, screenshot } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const runAndWait = async (page) => {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Finished.' }).waitFor();
};
const bars = (page, lane, kind) => page.locator(`.real-run rect[data-lane="${lane}"][data-kind="${kind}"]`)
  .evaluateAll((rects) => rects.map((r) => [Number(r.dataset.from), Number(r.dataset.to)]));

test('the blocking lesson: jobs one after another, a blocked loop, and the stall measured', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?v=1&lesson=blocking`);
  await runAndWait(page);
  const [[a1, b1]] = await bars(page, 'job 1', 'blocking');
  const [[a2, b2]] = await bars(page, 'job 2', 'blocking');
  assert.ok(Math.abs(b1 - a2) < 20 && a2 >= b1 - 1, `job 2 (${a2}..${b2}) starts when job 1 (${a1}..${b1}) ends`);
  const [[la, lb]] = await bars(page, 'event loop', 'blocked');
  assert.ok(la < 20 && lb > 2980, `the loop lane is blocked for the whole run (${la}..${lb})`);
  // The runtime measured each time.sleep; the heartbeat names them, and the browser's own stalls apart.
  const program = page.locator('.program-stall');
  const measured = Number(await program.getAttribute('data-blocked-ms'));
  console.log(`lesson 5: the program blocked the loop for ${measured} ms (3000 ms of time.sleep); ${await page.locator('.browser-stall').textContent()}`);
  assert.ok(Math.abs(measured - 3000) <= 150, `the blocking (${measured} ms) is within 5% of the 3000 ms of time.sleep`);
  assert.match(await program.textContent(),
    /^Your program blocked the event loop for 3\.0\d s: time\.sleep in fetch_data\(1\) 1\.0\d s, fetch_data\(2\) 2\.0\d s\.$/);
  await screenshot(page, 'timeline-blocking');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the tasks lesson: jobs overlap, and the loop stays free', async () => {
  const { page } = await openPage(browser, `${server.url}?v=1&lesson=tasks&unit=200`);
  await runAndWait(page);
  const [[a1, b1]] = await bars(page, 'job 1', 'waiting');
  const [[a2, b2]] = await bars(page, 'job 2', 'waiting');
  assert.ok(a1 < 20 && a2 < 20 && b1 > 190 && b2 > 390, `both jobs wait from the start (${a1}..${b1}, ${a2}..${b2})`);
  assert.equal((await bars(page, 'event loop', 'blocked')).length, 0);
  assert.match(await page.locator('.difference').textContent(), /Measured within \d+ ms of the ideal run/);
  assert.equal(await page.locator('.program-stall').isVisible(), false, 'the program never blocked the loop');
  await page.close();
});

test('replay moves the output line, the timeline cursor and the code lines together', async () => {
  const { page } = await openPage(browser, `${server.url}?v=1&lesson=gather&unit=100`);
  const forward = page.getByRole('button', { name: 'Step forward ▶' });
  assert.equal(await forward.isVisible(), false, 'no replay before a run');
  assert.equal(await page.getByRole('button', { name: 'Download trace (JSON)' }).isVisible(), false);
  await runAndWait(page);
  await forward.click();
  const current = () => page.locator('.output .line.current').getAttribute('data-event');
  assert.equal(await current(), 'start');
  assert.match(await page.locator('[aria-label="Python program"] .code-line.current').textContent(), /async def main/);
  assert.match(await page.locator('[aria-label="Rust program"] .code-line.current').textContent(), /main\(\) started/);
  const x0 = Number(await page.locator('#timeline-svg .cursor').getAttribute('x1'));
  await page.getByRole('button', { name: 'Step forward ▶' }).focus();
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('.output .line.current').getAttribute('data-who'), '1');
  assert.equal(await current(), 'return');
  assert.match(await page.locator('[aria-label="Rust program"] .code-line.current').textContent(), /returned/);
  assert.match(await page.locator('[aria-label="Python program"] .code-line.current').textContent(), /return f"Result/);
  assert.ok(Number(await page.locator('#timeline-svg .cursor').getAttribute('x1')) > x0, 'the cursor moved right');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await current(), 'start');
  await page.getByLabel('Replay position').fill('0');
  assert.equal(await page.locator('.output .line.current').getAttribute('data-who'), 'main');
  await page.close();
});

test('the exported JSON is the trace on the page, and the SVG is the timeline', async () => {
  const { page } = await openPage(browser, `${server.url}?v=1&lesson=gather&unit=100`);
  await runAndWait(page);
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download trace (JSON)' }).click()]);
  const exported = JSON.parse(await readFile(await json.path(), 'utf8'));
  const onPage = await traceOf(page);
  assert.deepEqual(exported.map((e) => [e.who, e.event, e.of]), onPage.map((e) => [e.who, e.event, e.of]));
  exported.forEach((e, i) => assert.ok(Math.abs(e.t - onPage[i].t) < 0.001, `t of event ${i}`));
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download timeline (SVG)' }).click()]);
  const text = await readFile(await svg.path(), 'utf8');
  assert.match(text, /^<svg id="timeline-svg" xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(text, /data-lane="job 3"/);
  await page.close();
});

test('twelve jobs stay readable on a 360 px screen: the timeline scrolls, the page does not', async () => {
  const jobs = Array.from({ length: 12 }, (_, i) => (0.5 + i * 0.3).toFixed(1)).join(',');
  const { page } = await openPage(browser, `${server.url}?v=1&jobs=${jobs}&unit=50`, { width: 360, height: 800 });
  await runAndWait(page);
  assert.equal(await page.locator('.real-run rect[data-lane="job 12"]').count(), 1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
  const scroll = await page.locator('.timeline-scroll').evaluate((el) => el.scrollWidth > el.clientWidth);
  assert.equal(scroll, true, 'the timeline scrolls inside its panel');
  await screenshot(page, 'timeline-12-jobs-360');
  await page.close();
});
