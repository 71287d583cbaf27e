// Opens an HTML report in the system's Chromium through playwright-core and prints what it saw
// as JSON: console errors, page errors, requests that left the file, the graph's size, and a
// screenshot. Arguments: playwright-core dir, chromium path, report file, screenshot file,
// user data dir. Run by HtmlReportBrowserTest; it never downloads a browser.
"use strict";
const [playwrightDir, chromiumPath, reportFile, screenshotFile, userDataDir] = process.argv.slice(2);
const { chromium } = require(playwrightDir);
const { pathToFileURL } = require("url");

(async () => {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  const result = { consoleErrors: [], pageErrors: [], network: [] };
  try {
    const page = context.pages()[0] || (await context.newPage());
    page.on("console", (msg) => {
      if (msg.type() === "error") {
        result.consoleErrors.push(msg.text());
      }
    });
    page.on("pageerror", (error) => result.pageErrors.push(String(error)));
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file:") || url.startsWith("data:")) {
        return route.continue();
      }
      result.network.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(reportFile).href, { waitUntil: "load" });
    result.title = await page.title();
    result.graph = await page.evaluate(() => {
      const svg = document.querySelector("svg#graph");
      if (!svg) {
        return null;
      }
      const box = svg.getBoundingClientRect();
      const sizes = [...svg.querySelectorAll("g.box rect")].map((r) => r.getBBox());
      return {
        width: box.width,
        height: box.height,
        boxes: sizes.length,
        emptyBoxes: sizes.filter((b) => !(b.width > 0 && b.height > 0)).length,
        edges: svg.querySelectorAll("line.edge").length,
        conflicts: svg.querySelectorAll(".conflict").length,
      };
    });
    result.routeRows = await page.locator("#routes-table tbody tr").count();
    await page.fill("#route-filter", "zzzz-no-such-route");
    result.visibleRowsAfterFilter = await page.locator("#routes-table tbody tr:visible").count();
    await page.fill("#route-filter", "");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotFile });
  } finally {
    await context.close();
  }
  process.stdout.write(JSON.stringify(result));
})().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
