import { expect } from "chai";
import fc from "fast-check";
import {
  featureStatus,
  overallVerdict,
  VERDICTS,
  type Verdict,
  type VerdictInput,
} from "../../../../core/suite/verdicts.js";
import type { Feature, Severity } from "../../../../core/suite/suite-schema.js";

const core: Feature = { id: "core", title: "Core", required: true };
const extra: Feature = { id: "extra", title: "Extra", required: false };
const r = (
  requirement: string,
  feature: string,
  verdict: Verdict,
  severity: Severity = "must",
): VerdictInput => ({
  requirement,
  feature,
  severity,
  verdict,
  reason: "because",
});

describe("core/suite/verdicts", () => {
  it("a failed must makes its feature not supported; a failed should does not", () => {
    expect(featureStatus(core, [r("a", "core", "pass"), r("b", "core", "fail")]).status).to.equal(
      "not-supported",
    );
    expect(
      featureStatus(core, [r("a", "core", "pass"), r("b", "core", "fail", "should")]).status,
    ).to.equal("supported");
  });

  it("error, blocked and pending leave a feature untested, never not supported", () => {
    for (const v of ["error", "blocked", "pending"] as const)
      expect(featureStatus(core, [r("a", "core", "pass"), r("b", "core", v)]).status).to.equal(
        "untested",
      );
  });

  it("waived and skipped results count as met; a feature of skips only does not apply", () => {
    expect(
      featureStatus(core, [
        r("a", "core", "waived"),
        r("b", "core", "skip"),
        r("c", "core", "pass"),
      ]).status,
    ).to.equal("supported");
    expect(featureStatus(extra, [r("a", "extra", "skip")]).status).to.equal("not-supported");
  });

  it("derives the overall verdict from required and optional features", () => {
    expect(
      overallVerdict([core, extra], [r("a", "core", "pass"), r("b", "extra", "pass")]).overall,
    ).to.equal("certified");
    expect(
      overallVerdict([core, extra], [r("a", "core", "pass"), r("b", "extra", "fail")]).overall,
    ).to.equal("certified-with-restrictions");
    expect(
      overallVerdict([core, extra], [r("a", "core", "pending"), r("b", "extra", "pass")]).overall,
    ).to.equal("incomplete");
    const failed = overallVerdict([core, extra], [r("a", "core", "fail"), r("b", "core", "error")]);
    expect(failed.overall).to.equal("not-certified");
    expect(failed.reasons[0]).to.include(
      "required feature core is not-supported: a: fail (because)",
    );
  });

  it("never turns an error into a failure: a run of only errors is incomplete", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom<Verdict>("pass", "error", "skip", "waived", "blocked", "pending"),
          { minLength: 1 },
        ),
        (verdicts) => {
          fc.pre(verdicts.some((v) => v !== "skip"));
          const outcome = overallVerdict(
            [core],
            verdicts.map((v, i) => r(`r${i}`, "core", v)),
          );
          expect(outcome.overall).to.not.equal("not-certified");
        },
      ),
    );
  });

  it("counts every verdict", () => {
    const out = overallVerdict(
      [core],
      VERDICTS.map((v, i) => r(`r${i}`, "core", v)),
    );
    for (const v of VERDICTS) expect(out.counts[v]).to.equal(1);
  });
});
