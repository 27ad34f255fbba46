import { generateKeyPairSync } from "node:crypto";
import { appendFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { pack, reseal, unpack } from "../helpers/bundles.js";
import { runHclkit } from "../helpers/cli.js";
import { CORPUS } from "../helpers/corpus.js";
import { useTmpDirs } from "../helpers/tmp.js";

const T410 = path.join(CORPUS, "lenovo-thinkpad-t410-2537pw4");

describe("hclkit bundle / verify / keys (integration)", function () {
  this.timeout(120_000);
  const tmp = useTmpDirs();
  let work: string;
  let bundle: string;

  beforeEach(async () => {
    work = tmp();
    const keys = await runHclkit(["keys", "generate", "-o", "keys"], { cwd: work });
    expect(keys.code, keys.stderr).to.equal(0);
    const run = await runHclkit(
      ["run", "--suite", "cvp@1.0", "--from", T410, "--out", "s", "--non-interactive"],
      { cwd: work },
    );
    expect(run.code).to.equal(1);
    const made = await runHclkit(
      ["bundle", "s", "-o", "t410.hclbundle.tar.gz", "--key", "keys/hclkit-signing.key"],
      { cwd: work },
    );
    expect(made.code, made.stderr).to.equal(0);
    bundle = path.join(work, "t410.hclbundle.tar.gz");
  });

  const verify = (file: string, ...extra: string[]) =>
    runHclkit(["verify", file, "--key", "keys/hclkit-signing.pub", ...extra], { cwd: work });

  async function tampered(edit: (dir: string) => void | Promise<void>): Promise<string> {
    const dir = path.join(work, "x");
    rmSync(dir, { recursive: true, force: true });
    await unpack(bundle, dir);
    await edit(dir);
    const out = path.join(work, "tampered.hclbundle.tar.gz");
    await pack(dir, out);
    return out;
  }

  const forger = generateKeyPairSync("ed25519")
    .privateKey.export({ type: "pkcs8", format: "pem" })
    .toString();

  it("verifies a corpus machine's bundle: digests, signature, passive verdicts re-derived", async () => {
    const run = await verify(bundle, "--json");
    expect(run.code, run.stderr).to.equal(0);
    const result = JSON.parse(run.stdout) as {
      ok: boolean;
      rederived: { requirements: number; agreed: number };
      checks: { check: string }[];
    };
    expect(result.checks.map((c) => c.check)).to.deep.equal([
      "digests",
      "signature",
      "report",
      "verdicts",
    ]);
    expect(result.rederived.requirements).to.be.greaterThan(15);
    expect(result.rederived.agreed).to.equal(result.rederived.requirements);
  });

  const cases: [string, (dir: string) => void, string, number][] = [
    [
      "a changed byte in a result",
      (d) => appendFileSync(path.join(d, "session/results/000-cpu.vtx-capable.json"), " "),
      "session/results/000-cpu.vtx-capable.json changed",
      1,
    ],
    [
      "a missing file",
      (d) => rmSync(path.join(d, "session/plan.json")),
      "session/plan.json is missing",
      1,
    ],
    [
      "an added file",
      (d) => writeFileSync(path.join(d, "session/results/099-extra.json"), "{}"),
      "099-extra.json is not in the manifest",
      1,
    ],
    [
      "a changed byte in the evidence",
      (d) => appendFileSync(path.join(d, "evidence/snapshot.tar.gz"), "x"),
      "evidence/snapshot.tar.gz changed",
      1,
    ],
    [
      "a consistent edit of the manifest without a new signature",
      (d) => {
        appendFileSync(path.join(d, "report.json"), " ");
        const m = JSON.parse(readFileSync(path.join(d, "manifest.json"), "utf8")) as {
          files: { path: string; sha256: string; size: number }[];
        };
        writeFileSync(path.join(d, "manifest.json"), JSON.stringify(m));
        reseal(d, null);
      },
      "HCL_E_BUNDLE_SIGNATURE",
      1,
    ],
    ["a statement signed by another key", (d) => reseal(d, forger), "no valid signature by key", 1],
    [
      "a mangled envelope",
      (d) => writeFileSync(path.join(d, "statement.dsse.json"), "{ not json"),
      "statement.dsse.json is not valid JSON",
      1,
    ],
  ];
  for (const [name, edit, expected, code] of cases)
    it(`fails on ${name}`, async () => {
      const run = await verify(await tampered(edit));
      expect(run.code, run.stderr).to.equal(code);
      expect(run.stderr).to.include(expected);
    });

  it("re-derives the passive verdicts: a re-signed report whose verdict was changed fails, naming the requirement", async () => {
    const forged = await tampered((d) => {
      const flip = <T extends { requirement: string; raw: string; verdict: string }>(r: T): T =>
        r.requirement === "cpu.vtx-enabled" ? { ...r, raw: "pass", verdict: "pass" } : r;
      const reportFile = path.join(d, "report.json");
      const report = JSON.parse(readFileSync(reportFile, "utf8")) as {
        requirements: { requirement: string; raw: string; verdict: string }[];
      };
      writeFileSync(
        reportFile,
        JSON.stringify({ ...report, requirements: report.requirements.map(flip) }),
      );
      const resultFile = path.join(d, "session/results/001-cpu.vtx-enabled.json");
      writeFileSync(
        resultFile,
        JSON.stringify(
          flip(
            JSON.parse(readFileSync(resultFile, "utf8")) as {
              requirement: string;
              raw: string;
              verdict: string;
            },
          ),
        ),
      );
      reseal(d, forger);
    });
    // Without --key the bundle's own (forged) key makes the signature check pass: the evidence does not.
    const run = await runHclkit(["verify", forged], { cwd: work });
    expect(run.code, run.stderr).to.equal(1);
    expect(run.stderr, run.stderr).to.include("HCL_E_BUNDLE_VERDICT");
    expect(run.stderr).to.include(
      "requirement cpu.vtx-enabled: the report says pass, the bundled evidence gives fail",
    );
  });

  it("refuses an unsigned bundle unless --allow-unsigned", async () => {
    const made = await runHclkit(["bundle", "s", "-o", "u.hclbundle.tar.gz"], { cwd: work });
    expect(made.stderr).to.include("not signed");
    const refused = await runHclkit(["verify", "u.hclbundle.tar.gz"], { cwd: work });
    expect(refused.code).to.equal(1);
    expect(refused.stderr).to.include("is not signed");
    const allowed = await runHclkit(["verify", "u.hclbundle.tar.gz", "--allow-unsigned"], {
      cwd: work,
    });
    expect(allowed.code, allowed.stderr).to.equal(0);
  });

  it("says exit 2 for what is not a bundle, and for a key that is not Ed25519", async () => {
    writeFileSync(path.join(work, "junk.tar.gz"), "not an archive at all");
    const junk = await runHclkit(["verify", "junk.tar.gz"], { cwd: work });
    expect(junk.code).to.equal(2);
    expect(junk.stderr).to.include("HCL_E_BUNDLE_UNUSABLE");
    writeFileSync(
      path.join(work, "bad.pem"),
      "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
    );
    const key = await runHclkit(["verify", bundle, "--key", "bad.pem"], { cwd: work });
    expect(key.code).to.equal(2);
    expect(key.stderr).to.include("HCL_E_KEY_READ");
  });

  it("never overwrites a key", async () => {
    const again = await runHclkit(["keys", "generate", "-o", "keys"], { cwd: work });
    expect(again.code).to.equal(3);
    expect(again.stderr).to.include("does not overwrite a key");
    expect(readFileSync(path.join(work, "keys/hclkit-signing.key"), "utf8")).to.include(
      "PRIVATE KEY",
    );
  });

  it("renders every report format from a session", async () => {
    const run = await runHclkit(
      ["report", "s", "--format", "json,junit,md", "--out", "r", "--json"],
      { cwd: work },
    );
    expect(run.code, run.stderr).to.equal(0);
    const { files } = JSON.parse(run.stdout) as { files: string[] };
    expect(files.map((f) => path.basename(f))).to.deep.equal([
      "report.json",
      "report.junit.xml",
      "report.md",
    ]);
    const bad = await runHclkit(["report", "s", "--format", "jsn"], { cwd: work });
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.include("did you mean json?");
  });
});
