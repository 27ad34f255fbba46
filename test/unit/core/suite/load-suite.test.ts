import {
  closeSync,
  openSync,
  readFileSync,
  readdirSync,
  writeFileSync,
  ftruncateSync,
} from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { HclError } from "../../../../core/errors/hcl-error.js";
import { compareVersions, findSuite, loadSuiteFile } from "../../../../core/suite/load-suite.js";
import { coreCatalog, SHIPPED_SUITES } from "../../../helpers/suites.js";
import { useTmpDirs } from "../../../helpers/tmp.js";

const MINIMAL = `id: demo
version: 1.0.0
title: Demo
features:
  - { id: core, title: Core, required: true }
requirements:
  - id: cpu.vtx
    feature: core
    severity: must
    source: test
    check: { fact: vtx.enabled, equals: true }
`;

async function failure(text: string, tmp: () => string): Promise<HclError> {
  const file = path.join(tmp(), "suite.yaml");
  writeFileSync(file, text);
  try {
    await loadSuiteFile(file, coreCatalog());
  } catch (error) {
    expect(error).to.be.instanceOf(HclError);
    return error as HclError;
  }
  throw new Error("the suite loaded");
}

describe("core/suite/load-suite", () => {
  const tmp = useTmpDirs();

  it("loads every shipped suite, each opening with the yaml-language-server schema line", async () => {
    const names = readdirSync(SHIPPED_SUITES).filter((n) => n.endsWith(".yaml"));
    expect(names).to.include.members(["cvp-1.0.yaml", "cvp-1.1.yaml"]);
    for (const name of names) {
      const file = path.join(SHIPPED_SUITES, name);
      expect(readFileSync(file, "utf8").split("\n")[0]).to.equal(
        "# yaml-language-server: $schema=../../schemas/suite.schema.json",
      );
      const loaded = await loadSuiteFile(file, coreCatalog());
      expect(loaded.digest).to.match(/^sha256:[0-9a-f]{64}$/);
      for (const r of loaded.suite.requirements) expect(r.source.length).to.be.greaterThan(10);
    }
  });

  it("finds a suite by id (newest), by partial version and by exact version", async () => {
    const options = { dirs: [SHIPPED_SUITES], cwd: "/", tests: coreCatalog() };
    expect((await findSuite("cvp", options)).suite.version).to.equal("1.1.0");
    expect((await findSuite("cvp@1.0", options)).suite.version).to.equal("1.0.0");
    expect((await findSuite("cvp@1.1.0", options)).suite.version).to.equal("1.1.0");
    const missing = await findSuite("cvp@2", options).catch((e: unknown) => e as HclError);
    expect(missing).to.be.instanceOf(HclError);
    expect((missing as HclError).code).to.equal("HCL_E_SUITE_NOT_FOUND");
    expect((missing as HclError).message).to.include("cvp@1.0.0, cvp@1.1.0");
  });

  it("orders versions semantically", () => {
    expect(compareVersions("1.10.0", "1.9.0")).to.be.greaterThan(0);
    expect(compareVersions("1.0.0-rc.1", "1.0.0")).to.be.lessThan(0);
    expect(compareVersions("2.0.0", "2.0.0")).to.equal(0);
  });

  it("names file, line and column of a YAML syntax error", async () => {
    const e = await failure("id: demo\nversion: [1.0\n", tmp);
    expect(e.code).to.equal("HCL_E_SUITE_PARSE");
    expect(e.message).to.match(/suite\.yaml:\d+:\d+ /);
  });

  it("says where a schema violation is, what was found and what was expected", async () => {
    const e = await failure(MINIMAL.replace("severity: must", "severity: hard"), tmp);
    expect(e.code).to.equal("HCL_E_SUITE_INVALID");
    expect(e.message).to.include("suite.yaml:9:5 requirements[0].severity");
    expect(e.message).to.include("requirements[0].severity");
    expect(e.message).to.include('found "hard", expected one of "must", "should", "may"');
  });

  it("suggests the fact meant by a misspelt one", async () => {
    const e = await failure(MINIMAL.replace("vtx.enabled", "vtx.enabeld"), tmp);
    expect(e.message).to.include('did you mean "vtx.enabled"?');
    expect(e.message).to.include("requirements[0].check.fact");
  });

  it("suggests the test and the feature meant", async () => {
    const text = MINIMAL.replace("feature: core", "feature: cor").replace(
      "    check: { fact: vtx.enabled, equals: true }",
      "    test: crypto.aes-througput",
    );
    const e = await failure(text, tmp);
    expect(e.message).to.include('unknown test "crypto.aes-througput"');
    expect(e.message).to.include('did you mean "crypto.aes-throughput"?');
    expect(e.message).to.include('did you mean "core"?');
  });

  it("checks params against the test's schema, and limits against its unit", async () => {
    const text = MINIMAL.replace(
      "    check: { fact: vtx.enabled, equals: true }",
      "    test: storage.read-throughput\n    params: { target: floppy }\n    limits: { min: 10, marginal: 5, unit: MiB/s }",
    );
    const e = await failure(text, tmp);
    expect(e.message).to.include("requirements[0].params.target");
    expect(e.message).to.include("requirements[0].limits.marginal");
    expect(e.message).to.include('expected "MB/s"');
  });

  it("refuses validators that do not fit the fact's type", async () => {
    const e = await failure(MINIMAL.replace("equals: true", "min: 3"), tmp);
    expect(e.message).to.include("min needs a number fact; vtx.enabled is a boolean");
    const f = await failure(
      MINIMAL.replace("{ fact: vtx.enabled, equals: true }", "{ fact: cpu.model, matches: '(' }"),
      tmp,
    );
    expect(f.message).to.include("not a regular expression");
  });

  it("refuses duplicate ids, a check with a test, and an unused feature", async () => {
    const text = `${MINIMAL}  - id: cpu.vtx
    feature: core
    severity: must
    source: test
    check: { fact: vtx.capable, equals: true }
    test: crypto.aes-throughput
`.replace("requirements:", "  - { id: spare, title: Spare, required: false }\nrequirements:");
    const e = await failure(text, tmp);
    expect(e.message).to.include('requirement id "cpu.vtx" is used twice');
    expect(e.message).to.include("found check with another");
    expect(e.message).to.include('feature "spare" has no requirement');
  });

  it("refuses an alias bomb without expanding it", async () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(", ")}]`,
      ),
    ].join("\n");
    const e = await failure(bomb, tmp);
    expect(e.code).to.equal("HCL_E_SUITE_PARSE");
  });

  it("refuses a 100 MB file before reading it", async () => {
    const file = path.join(tmp(), "huge.yaml");
    const fd = openSync(file, "w");
    ftruncateSync(fd, 100 * 1024 * 1024);
    closeSync(fd);
    const e = await loadSuiteFile(file, coreCatalog()).catch((x: unknown) => x as HclError);
    expect(e).to.be.instanceOf(HclError);
    expect((e as HclError).code).to.equal("HCL_E_SUITE_PARSE");
    expect((e as HclError).message).to.include("104857600 bytes; a suite is at most 1048576 bytes");
  });

  it("names a missing file", async () => {
    const e = await loadSuiteFile("/nonexistent/suite.yaml", coreCatalog()).catch(
      (x: unknown) => x as HclError,
    );
    expect((e as HclError).message).to.include("does not exist");
  });
});
