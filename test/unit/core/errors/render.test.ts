import { expect } from "chai";
import { ERROR_CODES, EXIT, exitCodeOf } from "../../../../core/errors/codes.js";
import { HclError } from "../../../../core/errors/hcl-error.js";
import { renderError, toHclError } from "../../../../core/errors/render.js";

describe("renderError", () => {
  const error = new HclError("HCL_E_CONFIG_INVALID", "hclkit.config.yaml breaks the schema", {
    hint: "Fix the key.",
    cause: Object.assign(new Error("inner\nsecond line"), { code: "ENOENT" }),
  });

  it("renders Error / Code / Try this / Caused by, without a stack", () => {
    expect(renderError(error)).to.equal(
      "Error: hclkit.config.yaml breaks the schema\nCode: HCL_E_CONFIG_INVALID\nTry this: Fix the key.\nCaused by: Error: inner (ENOENT)\n",
    );
  });

  it("adds the stacks of the error and its causes with --debug", () => {
    const text = renderError(error, { debug: true });
    expect(text).to.contain("Stack:\n  HclError: hclkit.config.yaml breaks the schema\n      at ");
    expect(text).to.contain("Cause stack:\n  Error: inner");
  });

  it("walks a chain of causes, nearest first, and stops on a cycle", () => {
    const root = new Error("root");
    const middle = new HclError("HCL_E_PLUGIN_IMPORT", "import failed", { cause: root });
    const top = new HclError("HCL_E_PLUGIN_LOAD_ABORTED", "aborted", { cause: middle });
    (root as { cause?: unknown }).cause = top;
    expect(renderError(top)).to.equal(
      "Error: aborted\nCode: HCL_E_PLUGIN_LOAD_ABORTED\nCaused by: import failed (HCL_E_PLUGIN_IMPORT)\nCaused by: Error: root\n",
    );
  });

  it("turns anything else into HCL_E_INTERNAL, a bug, with the original as cause", () => {
    const wrapped = toHclError(new TypeError("x is undefined"));
    expect(wrapped.code).to.equal("HCL_E_INTERNAL");
    expect(wrapped.exitCode).to.equal(EXIT.infrastructure);
    expect(renderError("a string")).to.contain(
      "Error: internal error: a string\nCode: HCL_E_INTERNAL\nTry this: This is a bug",
    );
  });

  it("serialises to JSON with causes and details, never stacks", () => {
    const json = JSON.parse(
      JSON.stringify(
        new HclError("HCL_E_PLUGIN_UNKNOWN", "no such plugin", {
          details: { name: "x" },
          cause: error,
        }),
      ),
    ) as Record<string, unknown>;
    expect(json).to.deep.equal({
      code: "HCL_E_PLUGIN_UNKNOWN",
      message: "no such plugin",
      details: { name: "x" },
      cause: {
        code: "HCL_E_CONFIG_INVALID",
        message: "hclkit.config.yaml breaks the schema",
        hint: "Fix the key.",
        cause: { message: "Error: inner\nsecond line" },
      },
    });
    expect(JSON.stringify(json)).to.not.contain("    at ");
  });
});

describe("ERROR_CODES", () => {
  it("names every code HCL_E_<AREA>_<WHAT> and maps it to an exit code of DESIGN.md", () => {
    for (const code of Object.keys(ERROR_CODES) as (keyof typeof ERROR_CODES)[]) {
      expect(code).to.match(/^HCL_E_[A-Z]+(_[A-Z0-9]+)*$/);
      // 1 is for a bad bundle or a refused one: what a verification finds wrong is a failed check.
      expect([EXIT.notCertified, EXIT.usage, EXIT.infrastructure]).to.include(exitCodeOf(code));
    }
  });

  it("documents every code with a line of TSDoc in codes.ts", async () => {
    const { readFile } = await import("node:fs/promises");
    const source = await readFile(
      new URL("../../../../core/errors/codes.ts", import.meta.url),
      "utf8",
    );
    for (const code of Object.keys(ERROR_CODES)) {
      expect(source, code).to.match(new RegExp(`/\\*\\*(?:(?!\\*/).)*\\*/\\n\\s+${code}:`, "s"));
    }
  });
});
