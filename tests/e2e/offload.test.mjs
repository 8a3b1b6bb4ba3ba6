// Lesson 6: blocking sleeps offloaded to real Web Workers, against CPython's threads and processes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, traceOf, screenshot } from './helpers.mjs';
import { cpythonTraces, compareTraces } from './reference.mjs';

const UNIT = 300;
let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const CONFIGS = {
  'threads (lesson 6 defaults)': 'mode=tasks&jobs=1,2&order=1,2&sleep=thread&linger=0',
  processes: 'mode=tasks&jobs=1,2&order=1,2&sleep=process&linger=0',
  'more jobs than workers': 'mode=gather&jobs=1,2,1.5&order=1,2,3&sleep=thread&linger=0&workers=2',
  'a failing job': 'mode=tasks&jobs=1!,2&order=1,2&sleep=thread&linger=0.5&workers=2',
  'a TaskGroup cancelling a job running in a worker': 'mode=group&jobs=1,2!,3&order=1,2,3&sleep=thread&linger=0&workers=2',
  // Cancelled at asyncio.run's shutdown (after the linger): job 2 runs in the worker and goes
  // on, job 3 still waits for one and never runs. (Cancelling at the very instant a worker comes
  // free is a race inside CPython itself, so no test relies on it.)
  'cancelling jobs that wait for, or run in, a worker': 'mode=tasks&jobs=1!,2,3&order=1,2,3&sleep=thread&linger=0.5&workers=1',
  // A process pool's call queue holds workers + 1 calls: job 2 is in it, so it runs though cancelled.
  'a TaskGroup cancelling a job in a process pool\'s call queue': 'mode=group&jobs=1!,2&order=1,2&sleep=process&linger=0&workers=1',
};

/** Runs `query` on the page and returns its trace in scenario seconds, and the longest frame gap. */
async function runOnPage(page, query) {
  await page.goto(`${server.url}?v=1&lesson=offload&${query}&unit=${UNIT}`);
  await page.getByRole('status', { name: 'Worker pool' }).filter({ hasText: 'ready' }).waitFor();
  await page.evaluate(() => {
    window.__gaps = { last: performance.now(), max: 0, on: true };
    const frame = (t) => {
      window.__gaps.max = Math.max(window.__gaps.max, t - window.__gaps.last);
      window.__gaps.last = t;
      if (window.__gaps.on) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Finished.' }).waitFor();
  const gap = await page.evaluate(() => { window.__gaps.on = false; return window.__gaps.max; });
  const trace = (await traceOf(page)).map((e) => ({ ...e, s: e.t / UNIT }));
  return { trace, gap };
}

test('lesson 6 runs in Web Workers as CPython runs its threads and processes', async () => {
  const names = Object.keys(CONFIGS);
  const reference = cpythonTraces(names.map((n) => `${CONFIGS[n]}&unit=${UNIT}`), UNIT);
  const { page, errors } = await openPage(browser, server.url);
  const gaps = [];
  for (const [i, name] of names.entries()) {
    const { trace, gap } = await runOnPage(page, CONFIGS[name]);
    gaps.push(gap);
    assert.deepEqual(compareTraces(reference[i], trace), [], `${name} differs from CPython`);
  }
  const worst = Math.max(...gaps);
  console.log(`lesson 6: longest gap between animation frames while workers slept: ${worst.toFixed(1)} ms`);
  assert.ok(worst < 250, `the page's loop stayed responsive (longest frame gap ${worst.toFixed(1)} ms)`);
  await screenshot(page, 'offload-1280');
  assert.deepEqual(errors, []);
  await page.close();
});

test('lesson 6 opened from links with run=1 runs as CPython runs it, as a clicked run does', async () => {
  const names = Object.keys(CONFIGS);
  const reference = cpythonTraces(names.map((n) => `${CONFIGS[n]}&unit=${UNIT}`), UNIT);
  const { page, errors } = await openPage(browser, server.url);
  for (const [i, name] of names.entries()) {
    await page.goto(`${server.url}?v=1&lesson=offload&${CONFIGS[name]}&unit=${UNIT}&run=1`);
    await page.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Finished.' }).waitFor();
    const trace = (await traceOf(page)).map((e) => ({ ...e, s: e.t / UNIT }));
    assert.deepEqual(compareTraces(reference[i], trace), [], `${name}, opened with run=1, differs from CPython`);
    assert.equal(await page.locator('.program-stall').isVisible(), false, `${name}: the program never blocked the loop`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('a worker that dies is reported as an error of its job, and the run still ends', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?v=1&lesson=offload&unit=${UNIT}`);
  await page.getByRole('status', { name: 'Worker pool' }).filter({ hasText: 'ready' }).waitFor();
  // Nothing in the release build exists for tests: the workers' clocks are broken from outside,
  // so that each dies in the middle of its next call.
  for (const worker of page.workers()) {
    await worker.evaluate(() => { performance.now = () => { throw new Error('this worker was made to fail'); }; });
  }
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Finished.' }).waitFor();
  const raise = page.locator('.output [data-who="1"][data-event="raise"]');
  assert.match(await raise.textContent(), /WorkerError\('the worker of fetch_data\(1\) failed: the Web Worker died/);
  assert.equal(await page.locator('.output [data-who="main"][data-event="end"]').count(), 1);
  // The dead worker is replaced: the next run works.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Finished.' }).waitFor();
  assert.equal(await page.locator('.output [data-event="raise"]').count(), 0);
  assert.deepEqual(errors.filter((e) => !/made to fail/.test(e)), []);
  await page.close();
});
