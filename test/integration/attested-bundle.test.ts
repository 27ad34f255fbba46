import { readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { expect } from "chai";
import { pack, reseal, unpack } from "../helpers/bundles.js";
import { runHclkit } from "../helpers/cli.js";
import { CORPUS } from "../helpers/corpus.js";
import { alive, pids, started, startSwtpm, type Swtpm } from "../helpers/swtpm.js";
import { FIXTURE_SUITES } from "../helpers/suites.js";
import { useTmpDirs } from "../helpers/tmp.js";

/** Attested reports against a real TPM 2.0 (swtpm): bundle, verify, and a report edited after quoting. */
describe("attested bundles with swtpm (integration)", function () {
  this.timeout(120_000);
  const tmp = useTmpDirs();
  let tpm: Swtpm;

  before(async () => {
    tpm = await startSwtpm("2.0");
  });
  after(async () => {
    for (const s of started.splice(0)) await s.stop();
    expect(pids.filter(alive), "swtpm processes left running").to.deep.equal([]);
  });

  it("quotes the report with the TPM; verify checks the quote; an edited report fails even re-signed", async () => {
    const dir = tmp();
    await runHclkit(["keys", "generate", "-o", "keys"], { cwd: dir });
    await runHclkit(
      [
        "run",
        "--suite",
        "cvp@1.1",
        "--from",
        path.join(CORPUS, "lenovo-thinkpad-t420-4180pbg"),
        "--out",
        "s",
        "--non-interactive",
      ],
      { cwd: dir },
    );
    const made = await runHclkit(
      [
        "bundle",
        "s",
        "-o",
        "a.hclbundle.tar.gz",
        "--key",
        "keys/hclkit-signing.key",
        "--tpm",
        tpm.spec,
      ],
      { cwd: dir },
    );
    expect(made.code, made.stderr).to.equal(0);
    const ok = await runHclkit(
      ["verify", "a.hclbundle.tar.gz", "--key", "keys/hclkit-signing.pub", "--json"],
      { cwd: dir },
    );
    expect(ok.code, ok.stderr).to.equal(0);
    const checks = (JSON.parse(ok.stdout) as { checks: { check: string; detail: string }[] })
      .checks;
    expect(checks.map((c) => c.check)).to.include("attestation");
    expect(checks.find((c) => c.check === "attestation")?.detail).to.include(
      "PCRs 0,1,2,3,4,5,6,7",
    );

    // Edit the report after quoting, then redo digests and signature with the signer's own key:
    // only the TPM quote can tell.
    const unpacked = path.join(dir, "x");
    await unpack(path.join(dir, "a.hclbundle.tar.gz"), unpacked);
    const reportFile = path.join(unpacked, "report.json");
    writeFileSync(
      reportFile,
      readFileSync(reportFile, "utf8").replace(
        '"overall": "not-certified"',
        '"overall": "certified"',
      ),
    );
    reseal(unpacked, readFileSync(path.join(dir, "keys/hclkit-signing.key"), "utf8"));
    await pack(unpacked, path.join(dir, "edited.hclbundle.tar.gz"));
    const edited = await runHclkit(
      ["verify", "edited.hclbundle.tar.gz", "--key", "keys/hclkit-signing.pub"],
      { cwd: dir },
    );
    expect(edited.code, edited.stderr).to.equal(1);
    expect(edited.stderr).to.include("HCL_E_TPM_QUOTE_NONCE");

    // The report's PCR values changed to match another machine: the quoted digest disagrees.
    await unpack(path.join(dir, "a.hclbundle.tar.gz"), path.join(dir, "y"));
    const pcrFile = path.join(dir, "y", "report.json");
    const report = JSON.parse(readFileSync(pcrFile, "utf8")) as {
      attestation: { pcrs: Record<string, string> };
    };
    report.attestation.pcrs["0"] = "ab".repeat(32);
    writeFileSync(pcrFile, `${JSON.stringify(report, null, 2)}\n`);
    reseal(path.join(dir, "y"), readFileSync(path.join(dir, "keys/hclkit-signing.key"), "utf8"));
    await pack(path.join(dir, "y"), path.join(dir, "pcr.hclbundle.tar.gz"));
    const pcr = await runHclkit(
      ["verify", "pcr.hclbundle.tar.gz", "--key", "keys/hclkit-signing.pub"],
      { cwd: dir },
    );
    expect(pcr.code).to.equal(1);
    expect(pcr.stderr).to.match(/HCL_E_TPM_QUOTE_(NONCE|PCR_DIGEST)/);
  });

  it("runs the TPM tests of a suite through --tpm, live, and records what the TPM says", async () => {
    const dir = tmp();
    const run = await runHclkit(
      [
        "run",
        "--suite",
        path.join(FIXTURE_SUITES, "tpm.yaml"),
        "--tpm",
        tpm.spec,
        "--out",
        "s",
        "--no-tools",
        "--json",
      ],
      { cwd: dir, timeoutMs: 60_000 },
    );
    expect(run.code, run.stderr).to.equal(0);
    expect((JSON.parse(run.stdout) as { overall: string }).overall).to.equal("certified");
    const caps = JSON.parse(
      readFileSync(path.join(dir, "s/results/001-tpm.capabilities.json"), "utf8"),
    ) as {
      testFacts: Record<string, { value: unknown }>;
    };
    expect(caps.testFacts["tpm.version"]?.value).to.equal("2.0");
    expect(caps.testFacts["tpm.vendor"]?.value).to.equal("IBM");
  });

  it("gives error, not fail, when the TPM does not answer", async () => {
    const dir = tmp();
    // Two loopback servers that accept connections and never say a word: command and control.
    const silent = [net.createServer(() => undefined), net.createServer(() => undefined)];
    const ports = await Promise.all(
      silent.map(
        (server) =>
          new Promise<number>((r) =>
            server.listen(0, "127.0.0.1", () => r((server.address() as net.AddressInfo).port)),
          ),
      ),
    );
    try {
      writeFileSync(
        path.join(dir, "quick.yaml"),
        readFileSync(path.join(FIXTURE_SUITES, "tpm.yaml"), "utf8").replace(
          /(test: tpm\.[a-z-]+) \}/g,
          "$1, timeoutSec: 2, retries: 0 }",
        ),
      );
      const run = await runHclkit(
        [
          "run",
          "--suite",
          "quick.yaml",
          "--tpm",
          `swtpm:127.0.0.1:${ports[0] ?? 0}:${ports[1] ?? 0}`,
          "--out",
          "s",
          "--no-tools",
        ],
        { cwd: dir, timeoutMs: 120_000 },
      );
      expect(run.code).to.equal(4);
      const selftest = JSON.parse(
        readFileSync(path.join(dir, "s/results/000-tpm.selftest.json"), "utf8"),
      ) as { verdict: string; attempts: { error?: { code: string } }[] };
      expect(selftest.verdict).to.equal("error");
      expect(selftest.attempts[0]?.error?.code).to.match(/^HCL_E_(TPM|TEST)_/);
    } finally {
      for (const server of silent) server.close();
    }
  });

  it("refuses to attest with a TPM 1.2, naming why", async () => {
    const old = await startSwtpm("1.2");
    const dir = tmp();
    await runHclkit(
      [
        "run",
        "--suite",
        "cvp@1.0",
        "--from",
        path.join(CORPUS, "lenovo-g570"),
        "--out",
        "s",
        "--non-interactive",
      ],
      { cwd: dir },
    );
    const made = await runHclkit(["bundle", "s", "-o", "b.hclbundle.tar.gz", "--tpm", old.spec], {
      cwd: dir,
    });
    expect(made.code).to.equal(3);
    expect(made.stderr).to.include("HCL_E_TPM_FAMILY");
  });
});
