import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { convert } from "xmlbuilder2";
import type { Report } from "../../../../hcl/report/build-report.js";
import { mergeReports } from "../../../../hcl/report/merge-reports.js";
import { renderJunit } from "../../../../hcl/report/render-junit.js";
import { cell, renderMarkdown } from "../../../../hcl/report/render-markdown.js";
import { reportFromSession } from "../../../../hcl/report/session-report.js";
import { createAjv } from "../../../../core/schema/ajv.js";
import { reportSchema } from "../../../../hcl/report/report-schema.js";
import { HclError } from "../../../../core/errors/hcl-error.js";
import { makeSessions } from "../../../helpers/sessions.js";

type Json = { [k: string]: unknown };

describe("hcl/report renderers", function () {
  this.timeout(60_000);
  let dir: string;
  let cvp: Report;
  let slow: Report;
  let manual: Report;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "hclkit-reports-"));
    const sessions = await makeSessions(dir);
    cvp = reportFromSession(sessions.cvp);
    slow = reportFromSession(sessions.slow);
    manual = reportFromSession(sessions.manual);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("reports of real sessions validate against the published report schema", () => {
    const validate = createAjv({ allowUnionTypes: true, strict: false }).compile(reportSchema);
    for (const r of [cvp, slow, manual])
      expect(validate(r), JSON.stringify(validate.errors)).to.equal(true);
  });

  it("JUnit: one testsuite per feature, failures, errors and skips where Jenkins and GitLab look", () => {
    const xml = renderJunit(cvp);
    const doc = convert(xml, { format: "object" }) as Json;
    const root = doc["testsuites"] as Json;
    expect(root["@tests"]).to.equal(String(cvp.requirements.length));
    expect(root["@failures"]).to.equal(String(cvp.counts.fail));
    const suites = root["testsuite"] as Json[];
    expect(suites).to.have.length(cvp.features.length);
    const cases = suites.flatMap((s) =>
      Array.isArray(s["testcase"]) ? (s["testcase"] as Json[]) : [s["testcase"] as Json],
    );
    const vtx = cases.find((c) => String(c["@name"]).startsWith("cpu.vtx-enabled"));
    expect((vtx?.["failure"] as Json)["@message"]).to.equal("vtx.enabled = false, expected true");
    const blocked = cases.find((c) => String(c["@name"]).startsWith("tpm.enabled"));
    expect((blocked?.["skipped"] as Json)["@message"]).to.match(/^blocked: /);
    expect(cases.every((c) => c["@classname"] !== undefined && c["@time"] !== undefined)).to.equal(
      true,
    );
  });

  it("JUnit: measurements and limits are testcase properties; marginal marked", () => {
    const xml = renderJunit(slow);
    expect(xml).to.include('<property name="measurement.value" value="2 units"/>');
    expect(xml).to.include('<property name="limits.value" value="min 1, marginal 3 units"/>');
    expect(xml).to.include('<property name="marginal.value" value="true"/>');
    expect(xml).to.include(
      '<failure message="value 3 units, above the maximum 2 units" type="fail">',
    );
  });

  it("JUnit survives what dumps put in strings: control characters and markup", () => {
    const weird = {
      ...slow,
      requirements: slow.requirements.map((r, i) =>
        i === 0 ? { ...r, verdict: "fail" as const, reason: 'bad \u0001 <tag> & "quote" ]]>' } : r,
      ),
    };
    const xml = renderJunit(weird);
    const doc = convert(xml, { format: "object" }) as Json;
    expect(doc["testsuites"]).to.not.equal(undefined);
    expect(xml).to.include("&lt;tag&gt; &amp;");
  });

  it("Markdown: the verdict first, the features, what needs attention, table cells escaped", () => {
    const md = renderMarkdown(cvp);
    expect(md.split("\n")[0]).to.match(
      /^## ❌ NOT CERTIFIED — LENOVO 2537PW4 \(ThinkPad T410\) · cvp@1\.0\.0$/,
    );
    expect(md).to.include(
      "| Hypervisor core (VT-x, VT-d, memory) (`virtualization`) | required | ❌ not-supported |",
    );
    expect(md).to.include("<details><summary>Requirements that need attention");
    expect(cell("a|b\nc <x>")).to.equal("a\\|b c &lt;x&gt;");
  });

  it("merges a run with a manual-steps run of the same machine and suite, with provenance", () => {
    const merged = mergeReports([manual, slow]);
    expect(merged.provenance.sessions).to.deep.equal([manual.session.id, slow.session.id]);
    expect(merged.provenance.results["ask.display"]).to.equal(slow.session.id);
    expect(merged.requirements.find((r) => r.requirement === "ask.display")?.verdict).to.equal(
      "pass",
    );
    expect(merged.counts.pending).to.equal(0);
    expect(merged.provenance.conflicts).to.deep.equal([]);
  });

  it("lists conflicting verdicts and keeps the failure", () => {
    const flipped = {
      ...slow,
      session: { ...slow.session, id: "other" },
      requirements: slow.requirements.map((r) =>
        r.requirement === "slow.one" ? { ...r, verdict: "fail" as const, raw: "fail" as const } : r,
      ),
    };
    const merged = mergeReports([slow, flipped]);
    expect(merged.provenance.conflicts.map((c) => c.requirement)).to.deep.equal(["slow.one"]);
    expect(merged.requirements.find((r) => r.requirement === "slow.one")?.verdict).to.equal("fail");
  });

  it("refuses to merge other machines or suites", () => {
    const otherSuite = { ...slow, suite: { ...slow.suite, digest: `sha256:${"0".repeat(64)}` } };
    expect(() => mergeReports([slow, otherSuite])).to.throw(HclError, /ran suite/);
    const otherMachine = { ...slow, system: { ...slow.system, model: "X201" } };
    expect(() => mergeReports([slow, otherMachine])).to.throw(HclError, /another machine/);
    expect(() => mergeReports([slow])).to.throw(HclError, /at least two/);
  });
});
