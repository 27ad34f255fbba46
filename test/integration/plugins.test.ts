import { writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { runHclkit } from "../helpers/cli.js";
import { fixturePlugin, REPO } from "../helpers/paths.js";
import { useTmpDirs } from "../helpers/tmp.js";

interface ListJson {
  plugins: {
    name: string;
    version: string;
    apiVersion: number;
    origin: string;
    digest: string;
    drivers: { id: string }[];
  }[];
  skipped: { label: string; plugin: string | null; phase: string; code: string }[];
}

const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$/m;

describe("hclkit plugins (built CLI)", () => {
  const tmp = useTmpDirs();

  /** A project folder whose hclkit.config.yaml names the fixture plugins. */
  function project(fixtures: string[], extra = ""): string {
    const dir = tmp();
    const lines = fixtures.map(
      (f) => `  - ${JSON.stringify(path.relative(dir, fixturePlugin(f)))}`,
    );
    writeFileSync(
      path.join(dir, "hclkit.config.yaml"),
      `plugins:\n${lines.join("\n")}\npluginTimeoutMs: 500\n${extra}`,
    );
    return dir;
  }

  describe("list", () => {
    it("lists the four built-in plugins as JSON, with nothing else on stdout or stderr", async () => {
      const run = await runHclkit(["plugins", "list", "--json"], { cwd: tmp() });
      expect(run.code).to.equal(0);
      expect(run.stderr).to.equal("");
      const json = JSON.parse(run.stdout) as ListJson;
      expect(json.skipped).to.deep.equal([]);
      const generic = json.plugins.find((p) => p.name === "generic-pc");
      expect(generic).to.include({ version: "0.1.0", apiVersion: 1, origin: "builtin" });
      expect(generic?.digest).to.match(/^sha256:[0-9a-f]{64}$/);
      expect(generic?.drivers.map((d) => d.id)).to.have.length(13);
      expect(json.plugins.map((p) => `${p.name}:${p.origin}`)).to.deep.equal([
        "generic-pc:builtin",
        "intel-calpella:builtin",
        "intel-huron-river:builtin",
        "intel-montevina:builtin",
      ]);
    });

    it("prints a table in text mode", async () => {
      const run = await runHclkit(["plugins", "list"], { cwd: tmp() });
      expect(run.code).to.equal(0);
      expect(run.stdout.split("\n")[0]).to.match(
        /^NAME\s+VERSION\s+API\s+ORIGIN\s+DRIVERS\s+DIGEST$/,
      );
      expect(run.stdout).to.match(
        /^generic-pc\s+0\.1\.0\s+1\s+builtin\s+13\s+sha256:[0-9a-f]{12}$/m,
      );
    });

    const broken = [
      "throws-on-import",
      "wrong-api-version",
      "invalid-manifest",
      "duplicate-driver",
      "duplicate-name",
    ];
    const codes: Record<string, string> = {
      "throws-on-import": "HCL_E_PLUGIN_IMPORT",
      "wrong-api-version": "HCL_E_PLUGIN_API_VERSION",
      "invalid-manifest": "HCL_E_PLUGIN_INVALID",
      "duplicate-driver": "HCL_E_PLUGIN_DUPLICATE_DRIVER",
      "duplicate-name": "HCL_E_PLUGIN_DUPLICATE_NAME",
    };

    it("skips every broken plugin with its code under continue (the default) and loads the rest", async () => {
      const dir = project(["ok", ...broken, "commonjs"]);
      const run = await runHclkit(["plugins", "list", "--json"], { cwd: dir });
      expect(run.code).to.equal(0);
      const json = JSON.parse(run.stdout) as ListJson;
      expect(json.plugins.filter((p) => p.origin === "config").map((p) => p.name)).to.deep.equal([
        "ok-plugin",
        "commonjs-plugin",
      ]);
      expect(json.plugins.filter((p) => p.origin === "builtin")).to.have.length(4);
      const skipped = Object.fromEntries(json.skipped.map((s) => [path.basename(s.label), s.code]));
      expect(skipped).to.deep.equal(codes);
      for (const code of Object.values(codes)) expect(run.stderr).to.contain(code);
    });

    it("aborts with exit 3 under --ci, listing every failure with its code, without a stack", async () => {
      const dir = project(["ok", ...broken]);
      const run = await runHclkit(["--ci", "plugins", "list"], { cwd: dir });
      expect(run.code).to.equal(3);
      expect(run.stdout).to.equal("");
      expect(run.stderr).to.match(/^Error: 5 plugin failures, 5 under the abort policy:/);
      expect(run.stderr).to.contain("Code: HCL_E_PLUGIN_LOAD_ABORTED");
      for (const fixture of broken) expect(run.stderr).to.contain(codes[fixture]);
      expect(run.stderr).to.not.match(STACK_LINE);
    });

    it("lets the configuration keep going under --ci for one plugin", async () => {
      const dir = project(
        ["ok", "wrong-api-version"],
        "onLoadFailure:\n  plugins:\n    wrong-api-version: continue\n",
      );
      const run = await runHclkit(["--ci", "plugins", "list", "--json"], { cwd: dir });
      expect(run.code).to.equal(0);
      expect((JSON.parse(run.stdout) as ListJson).skipped.map((s) => s.code)).to.deep.equal([
        "HCL_E_PLUGIN_API_VERSION",
      ]);
    });

    it("bounds a plugin whose import never finishes", async () => {
      const dir = project(["ok", "hangs-on-import"]);
      const run = await runHclkit(["--plugin-timeout", "300", "plugins", "list", "--json"], {
        cwd: dir,
      });
      expect(run.code).to.equal(0);
      expect(
        (JSON.parse(run.stdout) as ListJson).skipped.map((s) => [s.phase, s.code]),
      ).to.deep.equal([["import", "HCL_E_PLUGIN_HOOK_TIMEOUT"]]);
    });
  });

  describe("show", () => {
    it("shows a plugin's drivers and tests", async () => {
      const dir = project(["ok"]);
      const run = await runHclkit(["plugins", "show", "ok-plugin"], { cwd: dir });
      expect(run.code).to.equal(0);
      expect(run.stdout).to.contain(
        "ok-plugin 1.2.0 (plugin API 1)\n  platform: Fixture platform (PCI 8086:3b07)\n  origin:   config",
      );
      expect(run.stdout).to.contain(
        "    - wifi (wifi) PCI network controllers of class 0280; tests: wifi.scan\n    - esata (esata)\n",
      );
    });

    it("suggests the nearest name for an unknown plugin, exit 2", async () => {
      const run = await runHclkit(["plugins", "show", "generic-pcc"], { cwd: tmp() });
      expect(run.code).to.equal(2);
      expect(run.stderr).to.contain(
        "Error: no loaded plugin is named generic-pcc; did you mean generic-pc?\nCode: HCL_E_PLUGIN_UNKNOWN",
      );
    });
  });

  describe("validate", () => {
    it("accepts a valid plugin and probes its drivers on an empty inventory", async () => {
      const run = await runHclkit(["plugins", "validate", fixturePlugin("ok"), "--json"], {
        cwd: tmp(),
      });
      expect(run.code).to.equal(0);
      const json = JSON.parse(run.stdout) as {
        valid: boolean;
        plugin: { name: string; drivers: unknown[] };
        emptyInventoryProbe: { devices: number };
      };
      expect(json.valid).to.equal(true);
      expect(json.plugin.name).to.equal("ok-plugin");
      expect(json.plugin.drivers).to.have.length(2);
      expect(json.emptyInventoryProbe).to.deep.equal({ devices: 0 });
    });

    it("validates a path relative to the working directory, and the built-in plugin", async () => {
      const run = await runHclkit(["plugins", "validate", "dist/plugins/generic-pc"], {
        cwd: REPO,
      });
      expect(run.code).to.equal(0);
      expect(run.stdout).to.match(
        /^plugin generic-pc 0\.1\.0 is valid: plugin API 1, 13 drivers, sha256:[0-9a-f]{64}\n/,
      );
    });

    const cases: [string, string, string][] = [
      [
        "throws-on-import",
        "HCL_E_PLUGIN_IMPORT",
        `hook import: kaboom while importing (at ${fixturePlugin("throws-on-import")}/index.js:2:7)`,
      ],
      [
        "syntax-error",
        "HCL_E_PLUGIN_IMPORT",
        `Unexpected token ',' (at ${fixturePlugin("syntax-error")}/index.js:2)`,
      ],
      [
        "wrong-api-version",
        "HCL_E_PLUGIN_API_VERSION",
        "targets plugin API 2; this hclkit speaks plugin API 1",
      ],
      ["invalid-manifest", "HCL_E_PLUGIN_INVALID", 'drivers[0].class: found "tmp"'],
      [
        "duplicate-driver",
        "HCL_E_PLUGIN_DUPLICATE_DRIVER",
        'declares driver id "tpm" more than once (drivers[0] and drivers[2])',
      ],
      [
        "throws-in-probe",
        "HCL_E_PLUGIN_HOOK_THREW",
        "driver boom: HCL_E_PLUGIN_HOOK_THREW: plugin throws-in-probe, hook probe, driver boom: TPM probe exploded",
      ],
      ["never-resolves", "HCL_E_PLUGIN_HOOK_TIMEOUT", "did not settle within 300 ms"],
      ["hangs-on-import", "HCL_E_PLUGIN_HOOK_TIMEOUT", "hook import"],
      ["bad-result.js", "HCL_E_PLUGIN_BAD_RESULT", '[0]: missing required key "bus"'],
    ];
    for (const [fixture, code, text] of cases) {
      it(`refuses ${fixture} with ${code}, exit 3`, async () => {
        const run = await runHclkit(
          ["--plugin-timeout", "300", "plugins", "validate", fixturePlugin(fixture)],
          { cwd: tmp() },
        );
        expect(run.code).to.equal(3);
        expect(run.stderr).to.contain(`Code: ${code}\n`);
        expect(run.stderr).to.contain(text);
        expect(run.stderr).to.not.match(STACK_LINE);
      });
    }

    it("says the path does not exist, exit 2", async () => {
      const run = await runHclkit(["plugins", "validate", "./nowhere"], { cwd: tmp() });
      expect(run.code).to.equal(2);
      expect(run.stderr).to.contain(
        "Error: no file or folder at ./nowhere\nCode: HCL_E_CLI_PATH_NOT_FOUND",
      );
    });
  });
});
