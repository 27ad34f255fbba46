import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect } from "chai";
import type { BrowserContext, Page } from "playwright-core";
import { launchBrowser, recordNetwork } from "../helpers/browser.js";
import type { Report } from "../../hcl/report/build-report.js";
import { renderHtml } from "../../hcl/report/html/render-html.js";
import { reportFromSession } from "../../hcl/report/session-report.js";
import { runHclkit } from "../helpers/cli.js";
import { CORPUS } from "../helpers/corpus.js";
import { REPO } from "../helpers/paths.js";
import { slowTestsProject } from "../helpers/project.js";
import { FIXTURE_SUITES } from "../helpers/suites.js";

/** Where the run leaves its screenshots (git-ignored). */
const RESULTS = path.join(REPO, "test-results");
const SCREENSHOT = path.join(RESULTS, "report.png");
const PRINT_SCREENSHOT = path.join(RESULTS, "report-print.png");

/** A real session: the slow fixture suite on the T410, its prompt answered from a file. */
async function realSession(dir: string): Promise<string> {
  slowTestsProject(dir);
  writeFileSync(path.join(dir, "answers.yaml"), "ask.display: yes\n");
  const run = await runHclkit(
    [
      "run",
      "--suite",
      path.join(FIXTURE_SUITES, "slow.yaml"),
      "--from",
      path.join(CORPUS, "lenovo-thinkpad-t410-2537pw4"),
      "--answers",
      "answers.yaml",
      "--out",
      "s",
      "--json",
    ],
    { cwd: dir },
  );
  // slow.three measures 3 against a maximum of 2: not certified.
  expect(run.code, run.stderr).to.equal(1);
  return path.join(dir, "s");
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString("latin1")).to.equal("PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("HTML report in a real browser (integration)", function () {
  this.timeout(180_000);
  let dir: string;
  let report: Report;
  let context: BrowserContext;
  let page: Page;
  /** Requests that would have left the machine: each fails the test that made it. */
  const network: string[] = [];
  /** Console errors and warnings (a Content-Security-Policy violation is one), page errors. */
  const problems: string[] = [];

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "hclkit-browser-"));
    report = reportFromSession(await realSession(dir));
    const file = path.join(dir, "report.html");
    writeFileSync(file, renderHtml(report));
    context = await launchBrowser(dir);
    await recordNetwork(context, network);
    context.on("request", (request) => {
      if (!request.url().startsWith("file:") && !network.includes(request.url()))
        network.push(request.url());
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    await page.goto(pathToFileURL(file).href);
  });

  afterEach(() => {
    expect(network, "the report asked for something that is not a file:// URL").to.deep.equal([]);
    expect(problems, "the browser complained").to.deep.equal([]);
  });

  after(async () => {
    await context?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it("shows the verdict banner up front", async () => {
    const banner = page.locator("header.banner");
    await banner.waitFor({ state: "visible" });
    expect(await banner.locator("h1").innerText()).to.equal("NOT CERTIFIED");
    const text = await banner.innerText();
    expect(text).to.include("LENOVO 2537PW4").and.include("slow@1.0.0");
    expect(text).to.include("slow.three: fail (value 3 units, above the maximum 2 units)");
    const box = await banner.boundingBox();
    expect(box?.y, "the banner is not at the top").to.be.below(100);
  });

  it("has the feature matrix: one row per feature with its counts and status", async () => {
    const rows = page.locator("#feature-matrix tbody tr");
    expect(await rows.count()).to.equal(report.features.length);
    const core = await rows.nth(0).locator("td, th").allInnerTexts();
    expect(core[0]).to.include("Core");
    expect(core.slice(2, 9)).to.deep.equal(["5", "1", "0", "0", "0", "0", "0"]);
    expect(core[9]).to.include("not supported");
    expect(await rows.nth(1).innerText())
      .to.include("optional")
      .and.include("supported");
  });

  it("draws the charts, visible, one per measurement with limits", async () => {
    const charts = page.locator("#charts svg.chart");
    const withLimits = report.requirements.flatMap((r) =>
      r.measurements.filter((m) => m.limits !== null),
    );
    expect(await charts.count()).to.equal(withLimits.length);
    const first = charts.first();
    expect(await first.isVisible()).to.equal(true);
    const box = await first.boundingBox();
    expect(box?.width).to.be.above(100);
    expect(box?.height).to.be.above(20);
    const three = page.locator("#charts figure", { hasText: "slow.three" }).locator("svg.chart");
    expect(await three.locator("text").allTextContents()).to.include.members([
      "3 units · fail",
      "max 2 units",
    ]);
  });

  it("shows a requirement's evidence on demand", async () => {
    const row = page.locator("tbody.req", { hasText: "slow.three" });
    const body = row.locator(".evidence-body");
    expect(await body.isVisible()).to.equal(false);
    await row.locator("details > summary").click();
    await body.waitFor({ state: "visible" });
    const text = await body.innerText();
    expect(text).to.include("ATTEMPTS").and.include("output/004-slow.three.log");
    const vtx = page.locator("tbody.req", { hasText: "check.vtx" });
    await vtx.locator("details > summary").click();
    expect(await vtx.locator(".evidence-body").innerText()).to.include("logs/dmidecode:639-645");
  });

  it("filters the requirements with the filter box the script adds", async () => {
    const filter = page.getByRole("searchbox", { name: "Filter requirements" });
    await filter.fill("slow.t");
    expect(await page.locator("tbody.req:visible").count()).to.equal(2);
    await filter.fill("");
    expect(await page.locator("tbody.req:visible").count()).to.equal(report.requirements.length);
  });

  it("leaves a full-page screenshot in test-results/report.png", async () => {
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    const size = pngSize(SCREENSHOT);
    expect(size.width).to.equal(1280);
    expect(size.height).to.be.above(2000);
  });

  it("prints every piece of evidence expanded, without the filter box", async () => {
    await page.getByRole("button", { name: "Collapse all" }).click();
    await page.emulateMedia({ media: "print" });
    const bodies = page.locator(".evidence-body");
    expect(await bodies.count()).to.equal(report.requirements.length);
    for (const body of await bodies.all()) expect(await body.isVisible()).to.equal(true);
    expect(await page.locator(".filter").isVisible()).to.equal(false);
    expect(await page.locator("#charts svg.chart").first().isVisible()).to.equal(true);
    await page.screenshot({ path: PRINT_SCREENSHOT, fullPage: true });
    await page.emulateMedia({ media: "screen" });
  });
});
