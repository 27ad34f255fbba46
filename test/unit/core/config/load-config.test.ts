import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { loadConfig } from "../../../../core/config/load-config.js";
import { parseConfig } from "../../../../core/config/parse-config.js";
import { HclError } from "../../../../core/errors/hcl-error.js";
import { useTmpDirs } from "../../../helpers/tmp.js";

function parseError(text: string): HclError {
  try {
    parseConfig(text, "hclkit.config.yaml");
  } catch (error) {
    if (error instanceof HclError) return error;
    throw error;
  }
  throw new Error("expected an error");
}

describe("configuration", () => {
  const tmp = useTmpDirs();

  it("reads every key", () => {
    const text =
      "plugins:\n  - hclkit-plugin-acme\n  - ./lab/x1\nonLoadFailure:\n  default: abort\n  plugins:\n    hclkit-plugin-acme: continue\npluginTimeoutMs: 20000\n";
    expect(parseConfig(text, "f.yaml")).to.deep.equal({
      plugins: ["hclkit-plugin-acme", "./lab/x1"],
      onLoadFailure: { default: "abort", plugins: { "hclkit-plugin-acme": "continue" } },
      pluginTimeoutMs: 20000,
    });
  });

  it("treats an empty file as all defaults", () => {
    expect(parseConfig("# nothing yet\n", "f.yaml")).to.deep.equal({});
  });

  it("names file:line:col, the key path, what was found and a did-you-mean for an unknown key", () => {
    const error = parseError("plugins: []\nonLoadFailur:\n  default: abort\n");
    expect(error.code).to.equal("HCL_E_CONFIG_INVALID");
    expect(error.message).to.contain(
      'hclkit.config.yaml:2:1 onLoadFailur: unknown key "onLoadFailur"',
    );
    expect(error.message).to.contain('did you mean "onLoadFailure"?');
  });

  it("names a wrong value with what was expected", () => {
    const error = parseError("onLoadFailure:\n  default: stop\npluginTimeoutMs: fast\n");
    expect(error.message).to.contain(
      'hclkit.config.yaml:2:3 onLoadFailure.default: found "stop", expected one of "abort", "continue"',
    );
    expect(error.message).to.contain(
      'hclkit.config.yaml:3:1 pluginTimeoutMs: found "fast", expected integer',
    );
    expect(error.details["problems"]).to.have.length(2);
  });

  it("reports YAML syntax errors as HCL_E_CONFIG_PARSE with their position", () => {
    const error = parseError("plugins:\n  - a\n - b\n");
    expect(error.code).to.equal("HCL_E_CONFIG_PARSE");
    expect(error.message).to.match(/hclkit\.config\.yaml:3:\d+ /);
  });

  it("finds hclkit.config.yaml in a parent folder and resolves paths against its folder", async () => {
    const root = tmp();
    writeFileSync(path.join(root, "hclkit.config.yaml"), "plugins: [./x]\n");
    const deep = path.join(root, "a/b");
    mkdirSync(deep, { recursive: true });
    const loaded = await loadConfig(deep);
    expect(loaded).to.deep.equal({
      config: { plugins: ["./x"] },
      file: path.join(root, "hclkit.config.yaml"),
      dir: root,
    });
  });

  it("uses defaults when there is no file, and fails with HCL_E_CONFIG_READ for a missing --config", async () => {
    const dir = tmp();
    expect((await loadConfig(dir)).file).to.equal(null);
    try {
      await loadConfig(dir, "nope.yaml");
      expect.fail("expected an error");
    } catch (error) {
      expect((error as HclError).code).to.equal("HCL_E_CONFIG_READ");
      expect((error as HclError).hint).to.contain("--config");
    }
  });
});
