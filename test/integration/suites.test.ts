import { writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { runHclkit } from "../helpers/cli.js";
import { REPO } from "../helpers/paths.js";
import { SHIPPED_SUITES } from "../helpers/suites.js";
import { useTmpDirs } from "../helpers/tmp.js";

describe("hclkit suites (integration)", () => {
  const tmp = useTmpDirs();

  it("lists the shipped suites", async () => {
    const run = await runHclkit(["suites", "list", "--json"], { cwd: REPO });
    expect(run.code).to.equal(0);
    const { suites } = JSON.parse(run.stdout) as {
      suites: { id: string; version: string; digest: string }[];
    };
    expect(suites.map((s) => `${s.id}@${s.version}`)).to.deep.equal(["cvp@1.0.0", "cvp@1.1.0"]);
    for (const s of suites) expect(s.digest).to.match(/^sha256:/);
  });

  it("shows a suite by feature, each requirement with its source", async () => {
    const run = await runHclkit(["suites", "show", "cvp@1.1"], { cwd: REPO });
    expect(run.code).to.equal(0);
    expect(run.stdout).to.include("cvp@1.1.0");
    expect(run.stdout).to.include("security (required)");
    expect(run.stdout).to.include("cpu.aesni");
    expect(run.stdout).to.include("test crypto.aes-throughput");
  });

  it("validates files: the shipped ones pass, a broken one fails with every problem located", async () => {
    const ok = await runHclkit(
      [
        "suites",
        "validate",
        path.join(SHIPPED_SUITES, "cvp-1.0.yaml"),
        path.join(SHIPPED_SUITES, "cvp-1.1.yaml"),
      ],
      { cwd: REPO },
    );
    expect(ok.code).to.equal(0);
    expect(ok.stdout).to.include("valid suite cvp@1.0.0");
    const dir = tmp();
    writeFileSync(
      path.join(dir, "bad.yaml"),
      "id: bad\nversion: 1.0\ntitle: Bad\nfeatures:\n  - { id: core, title: Core, required: true }\nrequirements:\n  - { id: x, feature: core, severity: must, source: s, check: { fact: tpm.presnet, equals: true } }\n",
    );
    const bad = await runHclkit(["suites", "validate", "bad.yaml", "--json"], { cwd: dir });
    expect(bad.code).to.equal(2);
    const { error } = JSON.parse(bad.stdout) as {
      error: {
        code: string;
        details: { problems: { at: string; path: string; message: string }[] };
      };
    };
    expect(error.code).to.equal("HCL_E_SUITE_INVALID");
    expect(error.details.problems[0]).to.deep.include({ path: "version" });
    expect(error.details.problems[0]?.at).to.match(/bad\.yaml:2:1$/);
    expect(error.details.problems[1]?.path).to.equal("requirements[0].check.fact");
    expect(error.details.problems[1]?.message).to.include('did you mean "tpm.present"?');
  });

  it("lists the facts and the tests a suite may name", async () => {
    const facts = await runHclkit(["suites", "facts", "--json"], { cwd: REPO });
    const names = (JSON.parse(facts.stdout) as { facts: { name: string }[] }).facts.map(
      (f) => f.name,
    );
    expect(names).to.include.members([
      "vtx.enabled",
      "tpm.version",
      "wifi.drivers",
      "buttons.sleep",
    ]);
    const tests = await runHclkit(["suites", "tests"], { cwd: REPO });
    expect(tests.stdout).to.include("power.suspend-resume");
    expect(tests.stdout).to.include("live, disruptive");
    expect(tests.stdout).to.include("memory.capacity");
  });

  it("suggests the suite meant", async () => {
    const run = await runHclkit(
      ["plan", "--suite", "cvp@3", "--from", path.join(REPO, "test/fixtures/linuxhw/lenovo-g570")],
      { cwd: REPO },
    );
    expect(run.code).to.equal(2);
    expect(run.stderr).to.include("no suite cvp@3; the suites are cvp@1.0.0, cvp@1.1.0");
  });
});
