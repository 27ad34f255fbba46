import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { HclError } from "../../../../core/errors/hcl-error.js";
import type { PluginSpec } from "../../../../core/plugin/plugin-source.js";
import { resolvePlugin } from "../../../../core/plugin/resolve-plugin.js";
import { useTmpDirs } from "../../../helpers/tmp.js";

describe("resolvePlugin", () => {
  const tmp = useTmpDirs();

  function pkg(manifest: object | string, files: string[]): string {
    const dir = tmp();
    writeFileSync(
      path.join(dir, "package.json"),
      typeof manifest === "string" ? manifest : JSON.stringify(manifest),
    );
    for (const file of files) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), "export default {}\n");
    }
    return dir;
  }

  const spec = (dir: string): PluginSpec => ({
    origin: "path",
    label: dir,
    kind: "path",
    specifier: dir,
    baseDir: dir,
  });

  async function entryOf(dir: string): Promise<string> {
    return path.relative(dir, (await resolvePlugin(spec(dir))).entry);
  }

  it("follows exports: a string, the '.' entry, and conditions import > node > default", async () => {
    expect(await entryOf(pkg({ exports: "./a.js" }, ["a.js"]))).to.equal("a.js");
    expect(await entryOf(pkg({ exports: { ".": "./b.js", "./x": "./x.js" } }, ["b.js"]))).to.equal(
      "b.js",
    );
    expect(
      await entryOf(
        pkg({ exports: { ".": { require: "./c.cjs", import: "./c.mjs" } } }, ["c.mjs", "c.cjs"]),
      ),
    ).to.equal("c.mjs");
    expect(await entryOf(pkg({ exports: { default: "./d.js" } }, ["d.js"]))).to.equal("d.js");
  });

  it("falls back to main, then index.js", async () => {
    expect(await entryOf(pkg({ main: "lib/main.js" }, ["lib/main.js"]))).to.equal(
      path.join("lib", "main.js"),
    );
    expect(await entryOf(pkg({ name: "x" }, ["index.js"]))).to.equal("index.js");
  });

  async function error(dir: string): Promise<HclError> {
    try {
      await resolvePlugin(spec(dir));
    } catch (e) {
      if (e instanceof HclError) return e;
      throw e;
    }
    throw new Error("expected an error");
  }

  it("refuses an entry point that is missing or outside the package", async () => {
    expect((await error(pkg({ main: "gone.js" }, []))).code).to.equal("HCL_E_PLUGIN_NOT_FOUND");
    expect((await error(pkg({ main: "../../etc/passwd" }, []))).message).to.contain(
      "does not exist in the package",
    );
  });

  it("refuses a package.json that is not JSON with HCL_E_PLUGIN_INVALID", async () => {
    const e = await error(pkg("{ nope", ["index.js"]));
    expect(e.code).to.equal("HCL_E_PLUGIN_INVALID");
    expect(e.message).to.contain("package.json is not valid JSON");
  });

  it("names where it looked for a package that is not installed", async () => {
    const dir = tmp();
    try {
      await resolvePlugin({
        origin: "config",
        label: "hclkit-plugin-nope",
        kind: "package",
        specifier: "hclkit-plugin-nope",
        baseDir: dir,
      });
      expect.fail("expected an error");
    } catch (e) {
      expect((e as HclError).code).to.equal("HCL_E_PLUGIN_NOT_FOUND");
      expect((e as HclError).details["looked"]).to.include(path.join(dir, "node_modules"));
      expect((e as HclError).hint).to.contain("npm install hclkit-plugin-nope");
    }
  });
});
