import { cpSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { digestPlugin } from "../../../../core/plugin/digest.js";
import { fixturePlugin } from "../../../helpers/paths.js";
import { useTmpDirs } from "../../../helpers/tmp.js";

describe("digestPlugin", () => {
  const tmp = useTmpDirs();

  function copyOfOk(): string {
    const dir = path.join(tmp(), "somewhere-else");
    cpSync(fixturePlugin("ok"), dir, { recursive: true });
    return dir;
  }

  it("depends on names and bytes only, not on where the package sits", async () => {
    const original = await digestPlugin(fixturePlugin("ok"));
    expect(original).to.match(/^sha256:[0-9a-f]{64}$/);
    expect(await digestPlugin(copyOfOk())).to.equal(original);
  });

  it("changes when one byte of one file changes, or a file is added", async () => {
    const dir = copyOfOk();
    const before = await digestPlugin(dir);
    writeFileSync(path.join(dir, "index.js"), "// changed\n", { flag: "a" });
    const edited = await digestPlugin(dir);
    expect(edited).to.not.equal(before);
    writeFileSync(path.join(dir, "README.md"), "hello\n");
    expect(await digestPlugin(dir)).to.not.equal(edited);
  });

  it("leaves node_modules and .git out, and covers symbolic links by target", async () => {
    const dir = copyOfOk();
    const before = await digestPlugin(dir);
    mkdirSync(path.join(dir, "node_modules/dep"), { recursive: true });
    writeFileSync(path.join(dir, "node_modules/dep/index.js"), "x");
    mkdirSync(path.join(dir, ".git"));
    writeFileSync(path.join(dir, ".git/HEAD"), "ref");
    expect(await digestPlugin(dir)).to.equal(before);
    symlinkSync("index.js", path.join(dir, "alias.js"));
    expect(await digestPlugin(dir)).to.not.equal(before);
  });

  it("digests a single-file plugin by its name and bytes", async () => {
    const a = path.join(tmp(), "plugin.js");
    const b = path.join(tmp(), "plugin.js");
    writeFileSync(a, "export default {}\n");
    writeFileSync(b, "export default {}\n");
    expect(await digestPlugin(a)).to.equal(await digestPlugin(b));
  });
});
