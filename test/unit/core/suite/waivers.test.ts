import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import type { HclError } from "../../../../core/errors/hcl-error.js";
import {
  globMatches,
  loadWaivers,
  waiverCovers,
  waiverExpired,
  type Waiver,
} from "../../../../core/suite/waivers.js";
import { useTmpDirs } from "../../../helpers/tmp.js";

const WAIVER = `id: W-2026-014
requirements: [tpm.*]
suite: cvp@1.0
platform: { vendor: lenovo, product: "2537*" }
reason: TPM enablement is a BIOS setting the lab cannot change
issuer: hcl-board@example.com
expires: 2027-01-31
ticket: HCL-123
`;

describe("core/suite/waivers", () => {
  const tmp = useTmpDirs();
  const scope = {
    suiteId: "cvp",
    suiteVersion: "1.0.0",
    plugin: "intel-calpella",
    vendor: "LENOVO",
    product: "2537PW4",
    version: "ThinkPad T410",
  };

  it("loads a folder of waivers and matches scope by glob, case-insensitively", async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, "w1.yaml"), WAIVER);
    const [loaded] = await loadWaivers(dir);
    const w = loaded?.waiver as Waiver;
    expect(waiverCovers(w, "tpm.enabled", scope)).to.equal(true);
    expect(waiverCovers(w, "txt.enabled", scope)).to.equal(false);
    expect(waiverCovers(w, "tpm.enabled", { ...scope, suiteVersion: "1.1.0" })).to.equal(false);
    expect(waiverCovers(w, "tpm.enabled", { ...scope, product: "4180PBG" })).to.equal(false);
    expect(waiverCovers(w, "tpm.enabled", { ...scope, vendor: null })).to.equal(false);
  });

  it("holds through its last day", () => {
    const w = { expires: "2027-01-31" } as Waiver;
    expect(waiverExpired(w, "2027-01-31")).to.equal(false);
    expect(waiverExpired(w, "2027-02-01")).to.equal(true);
  });

  it("escapes everything but the star", () => {
    expect(globMatches("tpm.*", "tpmXenabled")).to.equal(false);
    expect(globMatches("a+b", "a+b")).to.equal(true);
  });

  it("refuses a waiver without a reason, with an impossible date, or a duplicate id", async () => {
    const dir = tmp();
    writeFileSync(
      path.join(dir, "a.yaml"),
      WAIVER.replace(/^reason:.*\n/m, "").replace("2027-01-31", "2027-02-30"),
    );
    const e = await loadWaivers(dir).catch((x: unknown) => x as HclError);
    expect((e as HclError).code).to.equal("HCL_E_WAIVER_INVALID");
    expect((e as HclError).message).to.include('missing required key "reason"');
    writeFileSync(path.join(dir, "a.yaml"), WAIVER.replace("2027-01-31", "2027-02-30"));
    const f = await loadWaivers(dir).catch((x: unknown) => x as HclError);
    expect((f as HclError).message).to.include(
      'a.yaml:7:1 expires: found "2027-02-30", expected a real date',
    );
    writeFileSync(path.join(dir, "a.yaml"), WAIVER);
    writeFileSync(path.join(dir, "b.yaml"), WAIVER);
    const g = await loadWaivers(dir).catch((x: unknown) => x as HclError);
    expect((g as HclError).message).to.include("waiver id W-2026-014 is used by");
  });

  it("names a missing folder and a YAML error", async () => {
    const e = await loadWaivers("/nonexistent").catch((x: unknown) => x as HclError);
    expect((e as HclError).code).to.equal("HCL_E_WAIVER_PARSE");
    const dir = tmp();
    mkdirSync(path.join(dir, "sub"));
    writeFileSync(path.join(dir, "x.yml"), "id: [\n");
    const f = await loadWaivers(dir).catch((x: unknown) => x as HclError);
    expect((f as HclError).code).to.equal("HCL_E_WAIVER_PARSE");
    expect((f as HclError).message).to.match(/x\.yml:\d+:\d+/);
  });
});
