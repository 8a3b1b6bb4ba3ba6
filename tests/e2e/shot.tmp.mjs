import { serve, launch, openPage, screenshot } from '/work/main/tests/e2e/helpers.mjs';
const server = await serve(); const browser = await launch();
for (const [q, w, name] of [[process.argv[2] ?? '', 1280, 'look-1280'], [process.argv[2] ?? '', 360, 'look-360']]) {
  const { page, errors } = await openPage(browser, server.url + q, { width: w, height: 800 });
  if (process.argv[3]) { await page.getByRole('button', { name: 'Run', exact: true }).click(); await page.getByRole('status').filter({ hasText: /Finished|Not run/ }).waitFor(); }
  await screenshot(page, name); console.log(name, errors);
}
await browser.close(); await server.close();
