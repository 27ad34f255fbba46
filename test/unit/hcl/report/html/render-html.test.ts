import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import fc from "fast-check";
import type { Report } from "../../../../../hcl/report/build-report.js";
import { renderHtml } from "../../../../../hcl/report/html/render-html.js";
import { reportFromSession } from "../../../../../hcl/report/session-report.js";
import { VERDICTS } from "../../../../../core/suite/verdicts.js";
import { cvpSession, slowSession } from "./real-sessions.js";

/** Everything in a page that would make the browser fetch: attributes, CSS urls, absolute URLs. */
function externalReferences(page: string): string[] {
  const found: string[] = [];
  for (const tag of page.match(/<[a-zA-Z][^>]*>/g) ?? [])
    for (const m of tag.matchAll(
      /\s(src|srcset|href|xlink:href|action|formaction|poster|data|background)\s*=\s*"([^"]*)"/g,
    ))
      if (!(m[2] ?? "").startsWith("#")) found.push(m[0]);
  for (const m of page.matchAll(/url\(\s*(?!['"]?#)[^)]*\)|@import|https?:\/\//g)) found.push(m[0]);
  return found;
}

/** The markup of one requirement's `<tbody>` (its evidence holds tables of its own). */
function requirementRow(page: string, id: string): string {
  const rows = page.split(/(?=<tbody class="req )/);
  const row = rows.find(
    (r) => r.startsWith("<tbody") && r.includes(`<code class="req-id">${id}</code>`),
  );
  expect(row, `no row for ${id}`).to.be.a("string");
  return (row as string).split("</section>")[0] as string;
}

/** The capability leaves the evidence could not fill: `tpm.enabled`, `aesni`, … */
function unknownCapabilities(report: Report): string[] {
  return Object.entries(report.capabilities ?? {}).flatMap(([group, value]) =>
    value === null
      ? [group]
      : typeof value === "object" && !Array.isArray(value)
        ? Object.entries(value as Record<string, unknown>)
            .filter(([, leaf]) => leaf === null)
            .map(([key]) => `${group}.${key}`)
        : [],
  );
}

const count = (page: string, pattern: RegExp): number => page.match(pattern)?.length ?? 0;

/**
 * The page with white space collapsed and none around tags, so that assertions do not depend on
 * how the markup is laid out in the source.
 */
const render = (report: Report): string =>
  renderHtml(report)
    .replace(/\s+/g, " ")
    .replace(/\s*([<>])\s*/g, "$1");

describe("hcl/report/html/render-html (real sessions)", function () {
  this.timeout(120_000);
  let root: string;
  let slow: Report;
  let waived: Report;
  let cvp: Report;

  before(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), "hclkit-html-"));
    const dirs = ["slow", "waived", "cvp"].map((d) => mkdtempSync(path.join(root, `${d}-`)));
    const [a, b, c] = await Promise.all([
      slowSession(dirs[0] as string),
      slowSession(dirs[1] as string, { waiver: true }),
      cvpSession(dirs[2] as string),
    ]);
    [slow, waived, cvp] = [a, b, c].map((dir) => reportFromSession(dir)) as [
      Report,
      Report,
      Report,
    ];
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it("is one self-contained HTML5 file: inline style and one inline script, nothing fetched", () => {
    for (const report of [slow, waived, cvp]) {
      const page = render(report);
      expect(page.startsWith('<!DOCTYPE html><html lang="en">')).to.equal(true);
      expect(externalReferences(page)).to.deep.equal([]);
      expect(page).not.to.match(/<link\b/i);
      expect(count(page, /<script\b/g)).to.equal(1);
      expect(page).to.include("<script>(() =>{");
      expect(count(page, /<style\b/g)).to.equal(1);
      expect(page).to.include(
        `http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-`,
      );
    }
  });

  it("puts the verdict up front with the reasons, the machine, suite, platform and session", () => {
    const page = render(slow);
    const banner = page.slice(page.indexOf("<header"), page.indexOf("</header>"));
    expect(banner).to.include('class="banner overall-not-certified"');
    expect(banner).to.match(/<span class="verdict-word">NOT CERTIFIED<\/span>/);
    expect(banner).to.include("LENOVO 2537PW4").and.include("version ThinkPad T410");
    expect(banner).to.include(
      "<li>required feature core is not-supported: slow.three: fail (value 3 units, above the maximum 2 units)</li>",
    );
    for (const shown of [
      "6IET85WW (1.45 ) (02/14/2013)",
      "Notebook",
      "slow@1.0.0",
      slow.suite.digest,
      `intel-calpella@${slow.platform?.version}`,
      slow.platform?.digest as string,
      slow.session.id,
      "recorded evidence",
    ])
      expect(banner, shown).to.include(shown);
  });

  it("counts the requirements per verdict", () => {
    const page = render(slow);
    for (const v of VERDICTS)
      expect(page, v).to.match(
        new RegExp(`<li class="count count-${v}[^"]*"><span class="n">${slow.counts[v]}</span>`),
      );
  });

  it("has a feature × status matrix: a row per feature, its verdict counts and status", () => {
    const page = render(slow);
    const matrix = page.slice(
      page.indexOf('<section id="feature-matrix"'),
      page.indexOf("</section>", page.indexOf('id="feature-matrix"')),
    );
    expect(count(matrix, /<tr class="feature /g)).to.equal(slow.features.length);
    const core = matrix.slice(
      matrix.indexOf('data-feature="core"'),
      matrix.indexOf('data-feature="extra"'),
    );
    expect(core).to.include("<strong>required</strong>").and.include("not supported");
    const cells = [...core.matchAll(/<td class="num[^"]*">(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(cells).to.deep.equal([5, 1, 0, 0, 0, 0, 0]);
    expect(matrix.slice(matrix.indexOf('data-feature="extra"')))
      .to.include("optional")
      .and.include("✓</span>supported");
  });

  it("charts every measurement that has limits, and links each from its requirement", () => {
    for (const report of [slow, cvp]) {
      const page = render(report);
      const withLimits = report.requirements.flatMap((r) =>
        r.measurements.filter((m) => m.limits !== null),
      );
      expect(withLimits.length).to.be.above(0);
      const charts = page.slice(page.indexOf('<section id="charts"'));
      expect(
        count(charts.slice(0, charts.indexOf("</section>")), /<svg\s+class="chart"/g),
      ).to.equal(withLimits.length);
      expect(count(page, /<svg\s+class="chart"/g)).to.equal(withLimits.length);
      for (const id of page.matchAll(/<a class="chart-link" href="#(chart-\d+-\d+)">/g))
        expect(page).to.include(`<figure class="chart-figure" id="${id[1]}">`);
    }
    // slow.five measures without limits: shown in its row, not charted.
    expect(requirementRow(render(slow), "slow.five")).not.to.include("chart-link");
  });

  it("lists every requirement with its verdict, marginal results marked, evidence on demand", () => {
    const page = render(slow);
    expect(count(page, /<tbody class="req /g)).to.equal(slow.requirements.length);
    expect(count(page, /<details class="evidence-details">/g)).to.equal(slow.requirements.length);
    const two = requirementRow(page, "slow.two");
    expect(two)
      .to.include("verdict-pass")
      .and.include('<span class="tag tag-marginal">marginal</span>');
    expect(two).to.include("(min 1 · marginal 3 units)");
    const vtx = requirementRow(page, "check.vtx");
    expect(vtx).to.include('<code class="where">logs/dmidecode:639-645</code>');
    expect(vtx).to.include("CPU_CAP bit 4 (VT-x capable) = 1");
    const ask = requirementRow(page, "ask.display");
    expect(ask).to.match(
      /<strong><span class="bool">yes<\/span><\/strong>\s*— from the answers file/,
    );
    const three = requirementRow(page, "slow.three");
    expect(three).to.include("verdict-fail").and.include("output/004-slow.three.log");
    expect(three).to.match(
      /<td class="num">1<\/td>\s*<td>[^<]+<\/td>\s*<td class="num">\d+ ms<\/td>/,
    );
  });

  it("shows a waived result's raw verdict beside it, with the waiver, and every operator string as text", () => {
    const page = render(waived);
    expect(page).to.include('class="banner overall-certified"');
    const three = requirementRow(page, "slow.three");
    expect(three).to.include("verdict-waived").and.include('raw<span class="badge verdict-fail">');
    expect(three).to.include("<strong>W-2026-001</strong>");
    expect(three).to.include("ticket HCL-1 &lt;img src=x onerror=alert(1)&gt;");
    expect(three).to.include("expires 2099-12-31");
    expect(three).to.include(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;",
    );
    expect(page).not.to.match(/<script>alert|<img\b/);
    const waivers = page.slice(page.indexOf('<table class="waivers"'));
    expect(waivers).to.match(/<th scope="row"><code>W-2026-001<\/code><\/th>/);
    expect(waivers.slice(0, waivers.indexOf("</table>"))).to.include("<code>slow.three</code>");
  });

  it("escapes every string of the report, wherever it is shown", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("<b x='\"'>&", "</td><script>x</script>", "\"'><svg onload=x>"),
        (payload) => {
          const poison = (v: unknown): unknown =>
            typeof v === "string"
              ? `${v}${payload}`
              : Array.isArray(v)
                ? v.map(poison)
                : v !== null && typeof v === "object"
                  ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, poison(x)]))
                  : v;
          const page = render(poison(slow) as Report);
          expect(page).not.to.match(/<b x=|<script>x|<svg onload/);
          expect(count(page, /<script\b/g)).to.equal(1);
          expect(externalReferences(page)).to.deep.equal([]);
        },
      ),
      { numRuns: 3 },
    );
  });

  it("shows unknown capabilities visibly, and lists as lists", () => {
    const page = render(cvp);
    const unknown = unknownCapabilities(cvp);
    expect(unknown).to.include("tpm.enabled");
    const table = page.slice(page.indexOf('<section id="capabilities"'));
    expect(count(table, /<tr class="row-unknown">/g)).to.equal(unknown.length);
    for (const name of unknown)
      expect(table).to.match(
        new RegExp(
          `<tr class="row-unknown">\\s*<th scope="row"><code>${name.replace(".", "\\.")}</code></th>\\s*<td>\\s*<span class="unknown"`,
        ),
      );
    expect(table).to.include(`<strong>${unknown.length}</strong>of`);
    const readers = table.slice(
      table.indexOf("<code>cardReaders</code>"),
      table.indexOf("<code>wifi</code>"),
    );
    expect(count(readers, /<li>/g)).to.equal(cvp.capabilities?.cardReaders?.length);
  });

  it("shows the environment, plugins and devices", () => {
    const page = render(cvp);
    const run = page.slice(page.indexOf('<section id="run"'));
    for (const value of Object.values(cvp.environment)) expect(run).to.include(value);
    for (const p of cvp.plugins) expect(run).to.include(p.digest);
    expect(run).to.include("No waivers were given.").and.include("None: the session ran");
    const devices = page.slice(
      page.indexOf('<section id="devices"'),
      page.indexOf('<section id="run"'),
    );
    expect(count(devices, /<tr><td>/g)).to.equal(cvp.devices.length);
  });

  it("says so when the session is unfinished or has no capability summary", () => {
    const page = render({
      ...cvp,
      overall: "incomplete",
      capabilities: null,
      session: { ...cvp.session, finished: false },
    });
    expect(page).to.match(/<span class="verdict-word">INCOMPLETE<\/span>/);
    expect(page).to.include("The session has not finished");
    expect(page).to.include("no capability summary");
  });

  it("gives the same bytes for the same report", () => {
    expect(renderHtml(cvp)).to.equal(renderHtml(structuredClone(cvp)));
  });
});
