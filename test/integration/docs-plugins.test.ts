import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { BUILT_CLI, fixturePlugin, REPO } from "../helpers/paths.js";
import { useTmpDirs } from "../helpers/tmp.js";

/** The commands of docs/plugins.md's `sh example` blocks, in order. */
function documentedCommands(): string[] {
  const doc = readFileSync(path.join(REPO, "docs/plugins.md"), "utf8");
  return [...doc.matchAll(/```sh example\n([\s\S]*?)```/g)].flatMap((m) =>
    (m[1] ?? "").split("\n").filter((l) => l.trim() !== ""),
  );
}

/** A shell wrapper in node_modules/.bin, as npm installs a package's bin. */
function binWrapper(dir: string, name: string, script: string): void {
  const file = path.join(dir, "node_modules/.bin", name);
  writeFileSync(file, `#!/bin/sh\nexec "${process.execPath}" "${script}" "$@"\n`);
  chmodSync(file, 0o755);
}

describe("docs/plugins.md (its commands, run on the example plugin)", () => {
  const tmp = useTmpDirs();

  it("documents commands that all succeed on a fresh copy of the example package", () => {
    const commands = documentedCommands();
    expect(commands).to.deep.equal([
      "npx hclkit plugins validate .",
      "npx hclkit plugins show example-hm65",
      "npx hclkit devices --from fixtures/aspire-5750 --class wifi",
      "npx mocha test/",
    ]);
    // The example installed as a user would have it: hclkit and mocha in its node_modules.
    const dir = path.join(tmp(), "hclkit-plugin-example");
    cpSync(fixturePlugin("example"), dir, { recursive: true });
    mkdirSync(path.join(dir, "node_modules/.bin"), { recursive: true });
    symlinkSync(REPO, path.join(dir, "node_modules/hclkit"));
    symlinkSync(path.join(REPO, "node_modules/mocha"), path.join(dir, "node_modules/mocha"));
    binWrapper(dir, "hclkit", BUILT_CLI);
    binWrapper(dir, "mocha", path.join(REPO, "node_modules/mocha/bin/mocha.js"));

    const outputs = commands.map((command) => {
      const run = spawnSync("sh", ["-c", command], {
        cwd: dir,
        encoding: "utf8",
        timeout: 60_000,
        env: {
          ...process.env,
          NODE_OPTIONS: "",
          PATH: `${path.join(dir, "node_modules/.bin")}:${process.env["PATH"] ?? ""}`,
        },
      });
      expect(run.status, `${command}\n${run.stdout}\n${run.stderr}`).to.equal(0);
      return run.stdout;
    });
    expect(outputs[0]).to.match(
      /^plugin example-hm65 1\.0\.0 is valid: plugin API 1, 1 driver, sha256:[0-9a-f]{64}$/m,
    );
    expect(outputs[1]).to.contain("example-hm65 1.0.0 (plugin API 1)");
    expect(outputs[2]).to.match(
      /^Platform {3}example-hm65 1\.0\.0: Example: Intel HM65 laptops, score 10: PCI 8086:1c49 \(logs\/lspci_all:228\)$/m,
    );
    expect(outputs[2]).to.match(/driverBound +yes +logs\/lspci_all:505 — kernel driver ath9k/);
    expect(outputs[3]).to.contain("1 passing");
  });
});
