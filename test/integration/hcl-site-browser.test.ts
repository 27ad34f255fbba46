import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect } from "chai";
import type { BrowserContext, Page } from "playwright-core";
import { launchBrowser, recordNetwork } from "../helpers/browser.js";
import { runHclkit } from "../helpers/cli.js";
import { bundleCorpus } from "../helpers/hcl.js";
import { REPO } from "../helpers/paths.js";

/** A published HCL of the corpus in a real browser: search, filters, a model page. */
describe("published HCL site in a real browser (integration)", function () {
  this.timeout(300_000);
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  let network: string[];
  const problems: string[] = [];

  before(async function () {
    this.timeout(300_000);
    dir = mkdtempSync(path.join(os.tmpdir(), "hclkit-site-"));
    const corpus = await bundleCorpus(dir);
    const hcl = path.join(dir, "list");
    await runHclkit(["hcl", "init", hcl, "--name", "Client hypervisor HCL"], { cwd: dir });
    await runHclkit(
      ["hcl", "trust", "--hcl", hcl, "--key", corpus.pub, "--suite", "cvp@1.0", "--plugins"],
      { cwd: dir },
    );
    const added = await runHclkit(["hcl", "add", "--hcl", hcl, ...corpus.bundles.values()], {
      cwd: dir,
      timeoutMs: 120_000,
    });
    expect(added.code, added.stderr).to.equal(0);
    const published = await runHclkit(
      ["hcl", "publish", "--hcl", hcl, "--out", path.join(dir, "site")],
      { cwd: dir },
    );
    expect(published.code, published.stderr).to.equal(0);
    context = await launchBrowser(dir);
    network = await recordNetwork(context);
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    await page.goto(pathToFileURL(path.join(dir, "site", "index.html")).href);
  });

  afterEach(() => {
    expect(network, "the site asked for something that is not a file:// URL").to.deep.equal([]);
    expect(problems).to.deep.equal([]);
  });

  after(async () => {
    await context?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  const visibleRows = async () => {
    const rows = page.locator("#hcl-table tbody tr:not([hidden])");
    return (await rows.allInnerTexts()).length;
  };

  it("lists every model with its status and features", async () => {
    expect(await visibleRows()).to.equal(12);
    expect(await page.locator("#shown").innerText()).to.equal("12");
    expect(await page.locator("#hcl-table thead").innerText()).to.include("virtualization");
  });

  it("filters the table as one types in the search box", async () => {
    await page.fill("#search", "thinkpad t410");
    expect(await visibleRows()).to.equal(2);
    await page.fill("#search", "elitebook");
    expect(await visibleRows()).to.equal(3);
    await page.fill("#search", "");
    expect(await visibleRows()).to.equal(12);
  });

  it("filters by a supported feature and by status", async () => {
    await page.selectOption("#feature-filter", "virtualization");
    const withVirt = await visibleRows();
    expect(withVirt).to.be.within(1, 11);
    for (const text of await page.locator("#hcl-table tbody tr:not([hidden])").allInnerTexts())
      expect(text).to.include("✓ supported");
    await page.selectOption("#feature-filter", "");
    await page.selectOption("#status-filter", "incomplete");
    expect(await visibleRows()).to.equal(1);
    await page.selectOption("#status-filter", "");
  });

  it("opens a model's page, which shows its report and footnotes", async () => {
    await page.fill("#search", "2537pw4");
    await page.locator("#hcl-table tbody tr:not([hidden]) a").first().click();
    await page.waitForURL(/models\/lenovo\/2537pw4\.html$/);
    expect(await page.locator("h1").innerText()).to.include("LENOVO 2537PW4");
    const report = page.locator("section.report").first();
    expect(await report.locator("h2").innerText())
      .to.include("cvp@1.0.0")
      .and.include("Not certified");
    expect(await report.locator("ol.footnotes li").count()).to.be.greaterThan(0);
    expect(await report.innerText()).to.include("cpu.vtx-enabled");
    mkdirSync(path.join(REPO, "test-results"), { recursive: true });
    await page.screenshot({
      path: path.join(REPO, "test-results", "hcl-model.png"),
      fullPage: true,
    });
    await page.goBack();
  });
});
