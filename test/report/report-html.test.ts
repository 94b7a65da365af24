// The HTML report in a real browser: headless Chromium (Debian's `chromium`) driven by playwright-core.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { runReport } from "./report-fixture.js";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const available = existsSync(CHROMIUM);
// In CI a missing browser is a failure (the launch throws), never a silent skip.
const skip = !available && !process.env.CI;
if (skip)
  console.log(`report-html: skipped — ${CHROMIUM} is absent (apt-get install -y chromium) and CI is not set`);

describe.skipIf(skip)("change-gate report --format html in headless Chromium", () => {
  it("is one self-contained page: three SVG charts, tables, no script, no request beyond the file itself", async () => {
    const res = await runReport(["--format", "html"]);
    expect(res.code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), "change-gate-report-"));
    const file = join(dir, "report.html");
    writeFileSync(file, res.stdout);

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
      const requested: string[] = [];
      const problems: string[] = [];
      page.on("request", (r) => requested.push(r.url()));
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(e.message));
      await page.goto(pathToFileURL(file).href);

      expect(await page.title()).toBe("Change report: acme/shop");
      expect(await page.locator("h1").textContent()).toBe("Change report: acme/shop");
      expect(await page.locator("figure svg").count()).toBe(3);
      expect(await page.locator("figcaption").allTextContents()).toEqual([
        "Merged PRs and deployments per week",
        "Merged PRs with a rollback plan and a blast radius",
        "Risk and deploys outside the schedule",
      ]);
      // Week of 16 Nov: 2 merged PRs, drawn as a bar with a readable title.
      const bar = page.locator("rect", {
        has: page.locator("title", { hasText: "merged PRs, week of 2026-11-16: 2" }),
      });
      expect(await bar.count()).toBeGreaterThan(0);
      const height = Number(await bar.first().getAttribute("height"));
      expect(height).toBeGreaterThan(0);
      // A PR title that looks like markup is shown as text.
      expect(await page.locator("script").count()).toBe(0);
      expect(await page.getByText("<script>alert(1)</script> checkout copy").count()).toBe(1);
      expect(await page.locator("td", { hasText: "payments failing, Black Friday" }).count()).toBe(2);

      expect(requested).toEqual([pathToFileURL(file).href]);
      expect(problems).toEqual([]);

      const png = await page.screenshot({ fullPage: true });
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      // `UPDATE_SCREENSHOT=1 npx vitest run test/report/report-html.test.ts` refreshes the picture in the docs.
      writeFileSync(
        process.env.UPDATE_SCREENSHOT ? join("docs", "report-screenshot.png") : join(dir, "report.png"),
        png,
      );
    } finally {
      await browser.close();
    }
  }, 60_000);
});
