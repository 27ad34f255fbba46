import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { resolve } from "../../../../core/di/token.js";
import { PLUGIN_LOGGER } from "../../../../core/di/tokens.js";
import { HclError } from "../../../../core/errors/hcl-error.js";
import { emptyInventory, type Inventory } from "../../../../core/inventory/inventory.js";
import { BUILTIN_PLUGINS_DIR } from "../../../../core/plugin/discover.js";
import type { PluginFailure } from "../../../../core/plugin/load-plugin.js";
import { makeHost } from "../../../helpers/host.js";
import { fixturePlugin } from "../../../helpers/paths.js";
import { useTmpDirs } from "../../../helpers/tmp.js";

const inventory: Inventory = {
  ...emptyInventory("test"),
  pci: [
    {
      address: "0000:03:00.0",
      classId: "0280",
      progIf: "00",
      className: "Network controller",
      vendorId: "8086",
      deviceId: "4239",
      vendorName: "Intel Corporation",
      deviceName: "Centrino Advanced-N 6200",
      subsystemVendorId: "8086",
      subsystemDeviceId: "1316",
      subsystemName: null,
      revision: "35",
      driver: "iwlwifi",
      driverKnown: true,
      modules: ["iwlwifi"],
      iommuGroup: null,
      at: { file: "logs/lspci_all", line: 120 },
    },
  ],
};

async function expectRejection(promise: Promise<unknown>): Promise<HclError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(HclError);
    return error as HclError;
  }
  throw new Error("expected a rejection");
}

function summary(failures: readonly PluginFailure[]): string[] {
  return failures.map((f) => `${f.label}:${f.phase}:${f.error.code}`);
}

describe("PluginHost", () => {
  const tmp = useTmpDirs();

  /** A host whose only plugins are the `ok` fixture plus those given, all named in the configuration. */
  function hostWith(fixtures: string[], options: { ci?: boolean; pluginTimeoutMs?: number } = {}) {
    const cwd = tmp();
    return makeHost(
      { cwd, builtinDir: tmp(), ...options },
      { plugins: ["ok", ...fixtures].map(fixturePlugin) },
    );
  }

  const loadCases = [
    { fixture: "throws-on-import", code: "HCL_E_PLUGIN_IMPORT", phase: "import" },
    { fixture: "wrong-api-version", code: "HCL_E_PLUGIN_API_VERSION", phase: "validate" },
    { fixture: "invalid-manifest", code: "HCL_E_PLUGIN_INVALID", phase: "validate" },
    { fixture: "duplicate-driver", code: "HCL_E_PLUGIN_DUPLICATE_DRIVER", phase: "validate" },
    { fixture: "hangs-on-import", code: "HCL_E_PLUGIN_HOOK_TIMEOUT", phase: "import" },
    { fixture: "does-not-exist", code: "HCL_E_PLUGIN_NOT_FOUND", phase: "resolve" },
  ];

  for (const { fixture, code, phase } of loadCases) {
    describe(`a plugin that fails to load (${fixture})`, () => {
      it(`is skipped with ${code} under continue, and the others load`, async () => {
        const { host, messages } = hostWith([fixture], { pluginTimeoutMs: 300 });
        const set = await host.load();
        expect(set.plugins.map((p) => p.plugin.name)).to.deep.equal(["ok-plugin"]);
        expect(summary(set.skipped)).to.deep.equal([`${fixturePlugin(fixture)}:${phase}:${code}`]);
        expect(messages()).to.contain(code);
      });

      it("aborts the whole load under --ci, naming the failure", async () => {
        const { host } = hostWith([fixture], { ci: true, pluginTimeoutMs: 300 });
        const error = await expectRejection(host.load());
        expect(error.code).to.equal("HCL_E_PLUGIN_LOAD_ABORTED");
        const failures = error.details["failures"] as {
          label: string;
          phase: string;
          code: string;
        }[];
        expect(failures.map((f) => `${f.label}:${f.phase}:${f.code}`)).to.deep.equal([
          `${fixturePlugin(fixture)}:${phase}:${code}`,
        ]);
        expect(error.message).to.contain(code);
      });
    });
  }

  it("collects every failure before aborting, not just the first", async () => {
    const { host } = hostWith(["throws-on-import", "wrong-api-version", "duplicate-driver"], {
      ci: true,
    });
    const error = await expectRejection(host.load());
    const codes = (error.details["failures"] as { code: string }[]).map((f) => f.code);
    expect(codes).to.have.members([
      "HCL_E_PLUGIN_IMPORT",
      "HCL_E_PLUGIN_API_VERSION",
      "HCL_E_PLUGIN_DUPLICATE_DRIVER",
    ]);
    expect(error.message).to.contain("3 plugin failures, 3 under the abort policy");
  });

  it("names the plugin and every schema problem of an invalid manifest", async () => {
    const { host } = hostWith(["invalid-manifest"]);
    const [failure] = (await host.load()).skipped;
    expect(failure?.plugin).to.equal("Invalid Manifest");
    const message = failure?.error.message ?? "";
    expect(message).to.contain('name: found "Invalid Manifest", expected a kebab-case name');
    expect(message).to.contain('version: found "one", expected a semantic version');
    expect(message).to.contain('platform.match.pci[0]: found "8086:XYZ"');
    expect(message).to.contain('drivers[0].class: found "tmp"');
    expect(message).to.contain('did you mean "tpm"?');
    expect(message).to.contain('drivers[0]: missing required key "probe"');
    expect(message).to.contain('unknown key "extra"');
  });

  it("refuses a second plugin with a built-in's name", async () => {
    const cwd = tmp();
    const { host } = makeHost(
      { cwd, builtinDir: BUILTIN_PLUGINS_DIR },
      { plugins: [fixturePlugin("duplicate-name")] },
    );
    const set = await host.load();
    const generic = set.plugins.filter((p) => p.plugin.name === "generic-pc");
    expect(generic.map((p) => `${p.origin}:${p.plugin.version}`)).to.deep.equal(["builtin:0.1.0"]);
    expect(summary(set.skipped)).to.deep.equal([
      `${fixturePlugin("duplicate-name")}:register:HCL_E_PLUGIN_DUPLICATE_NAME`,
    ]);
  });

  it("follows per-plugin overrides of the policy, by plugin name or by the name in the configuration", async () => {
    const cwd = tmp();
    const importer = fixturePlugin("throws-on-import");
    const config = {
      plugins: [fixturePlugin("ok"), importer, fixturePlugin("wrong-api-version")],
      onLoadFailure: {
        default: "abort" as const,
        plugins: { [importer]: "continue" as const, "wrong-api-version": "continue" as const },
      },
    };
    const set = await makeHost({ cwd, builtinDir: tmp() }, config).host.load();
    expect(set.skipped.map((f) => f.error.code)).to.have.members([
      "HCL_E_PLUGIN_IMPORT",
      "HCL_E_PLUGIN_API_VERSION",
    ]);

    const strict = {
      ...config,
      onLoadFailure: {
        default: "continue" as const,
        plugins: { "wrong-api-version": "abort" as const },
      },
    };
    const error = await expectRejection(makeHost({ cwd, builtinDir: tmp() }, strict).host.load());
    expect(error.message).to.contain("2 plugin failures, 1 under the abort policy");
  });

  it("loads a CommonJS plugin package through its main field", async () => {
    const { host } = hostWith(["commonjs"]);
    const set = await host.load();
    expect(set.plugins.map((p) => p.plugin.name)).to.deep.equal(["ok-plugin", "commonjs-plugin"]);
    expect(set.plugins[1]?.entry).to.equal(path.join(fixturePlugin("commonjs"), "lib/plugin.js"));
  });

  describe("discovery through the project's declared dependencies", () => {
    function project(): string {
      const dir = tmp();
      writeFileSync(
        path.join(dir, "package.json"),
        JSON.stringify({
          name: "lab",
          dependencies: { "hclkit-plugin-ok": "1.0.0", "left-pad": "1.3.0" },
          devDependencies: { "@acme/hclkit-plugin-missing": "1.0.0" },
        }),
      );
      cpSync(fixturePlugin("ok"), path.join(dir, "node_modules/hclkit-plugin-ok"), {
        recursive: true,
      });
      // Installed but not declared: must never be loaded, since node_modules is not scanned.
      cpSync(fixturePlugin("commonjs"), path.join(dir, "node_modules/hclkit-plugin-undeclared"), {
        recursive: true,
      });
      return dir;
    }

    it("loads declared hclkit-plugin-* packages only, and reports declared ones that are not installed", async () => {
      const dir = project();
      const sub = path.join(dir, "reports");
      mkdirSync(sub);
      const set = await makeHost({ cwd: sub, builtinDir: tmp() }).host.load();
      expect(set.plugins.map((p) => [p.plugin.name, p.origin, p.label])).to.deep.equal([
        ["ok-plugin", "dependency", "hclkit-plugin-ok"],
      ]);
      expect(summary(set.skipped)).to.deep.equal([
        "@acme/hclkit-plugin-missing:resolve:HCL_E_PLUGIN_NOT_FOUND",
      ]);
    });

    it("loads a package named both in the configuration and in the dependencies once", async () => {
      const dir = project();
      const set = await makeHost(
        { cwd: dir, builtinDir: tmp() },
        { plugins: ["hclkit-plugin-ok"] },
      ).host.load();
      expect(set.plugins.map((p) => `${p.plugin.name}:${p.origin}`)).to.deep.equal([
        "ok-plugin:config",
      ]);
    });

    it("fails with HCL_E_PROJECT_MANIFEST when the project's package.json is not JSON", async () => {
      const dir = tmp();
      writeFileSync(path.join(dir, "package.json"), "{ not json");
      const error = await expectRejection(makeHost({ cwd: dir, builtinDir: tmp() }).host.load());
      expect(error.code).to.equal("HCL_E_PROJECT_MANIFEST");
      expect(error.message).to.contain(path.join(dir, "package.json"));
    });
  });

  describe("probing", () => {
    const probeCases = [
      { fixture: "throws-in-probe", code: "HCL_E_PLUGIN_HOOK_THREW", driver: "boom" },
      { fixture: "never-resolves", code: "HCL_E_PLUGIN_HOOK_TIMEOUT", driver: "hang" },
    ];
    for (const { fixture, code, driver } of probeCases) {
      it(`skips a failing driver with ${code} under continue; the other plugins' devices are kept (${fixture})`, async () => {
        const { host } = hostWith([fixture], { pluginTimeoutMs: 200 });
        const set = await host.load();
        const result = await host.probe(
          set.plugins.map((plugin) => ({ plugin })),
          inventory,
        );
        expect(result.devices.map((d) => `${d.plugin}/${d.driver}/${d.device.id}`)).to.deep.equal([
          "ok-plugin/wifi/pci-0000:03:00.0",
        ]);
        expect(
          result.skipped.map((f) => [
            f.phase,
            f.error.code,
            f.error.details["driver"],
            f.error.details["hook"],
          ]),
        ).to.deep.equal([["probe", code, driver, "probe"]]);
      });

      it(`aborts the probe under --ci with ${code} (${fixture})`, async () => {
        const { host } = hostWith([fixture], { ci: true, pluginTimeoutMs: 200 });
        const set = await host.load();
        const error = await expectRejection(
          host.probe(
            set.plugins.map((plugin) => ({ plugin })),
            inventory,
          ),
        );
        expect(error.code).to.equal("HCL_E_PLUGIN_LOAD_ABORTED");
        expect((error.cause as HclError).code).to.equal(code);
      });
    }

    it("keeps the plugin's own error code and stamps plugin, hook and driver", async () => {
      const { host } = hostWith(["throws-in-probe"]);
      const set = await host.load();
      const [failure] = (
        await host.probe(
          set.plugins.map((plugin) => ({ plugin })),
          inventory,
        )
      ).skipped;
      expect(failure?.error.details).to.include({
        plugin: "throws-in-probe",
        hook: "probe",
        driver: "boom",
        pluginCode: "ACME_E_TPM",
      });
      expect(failure?.error.message).to.equal(
        "plugin throws-in-probe, hook probe, driver boom: TPM probe exploded",
      );
    });

    it("gives each plugin one scope of its own, whose logger is tagged with the plugin's name", async () => {
      const { host, messages } = hostWith(["commonjs"]);
      const [ok, cjs] = (await host.load()).plugins;
      if (ok === undefined || cjs === undefined) throw new Error("fixtures did not load");
      expect(host.scopeOf(ok)).to.equal(host.scopeOf(ok));
      expect(host.scopeOf(ok)).to.not.equal(host.scopeOf(cjs));
      resolve(host.scopeOf(ok), PLUGIN_LOGGER).warn("from ok");
      resolve(host.scopeOf(cjs), PLUGIN_LOGGER).warn("from cjs");
      expect(messages()).to.equal(
        "warning: [ok-plugin] from ok\nwarning: [commonjs-plugin] from cjs\n",
      );
    });
  });
});
