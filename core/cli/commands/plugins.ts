import { existsSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { didYouMean } from "../../errors/suggest.js";
import { HclError } from "../../errors/hcl-error.js";
import type { LoadedPlugin } from "../../plugin/load-plugin.js";
import { describeFailure, failureJson } from "../../plugin/failure-text.js";
import { openHost } from "../open-host.js";
import type { CliIo } from "../io.js";
import { printJson } from "../io.js";
import type { CliState } from "../main.js";
import { formatTable } from "../table.js";

interface JsonOption {
  readonly json?: boolean;
}

/** `hclkit plugins list|show|validate`. */
export function registerPluginsCommands(program: Command, io: CliIo, state: CliState): void {
  const plugins = program
    .command("plugins")
    .description("list, show and validate platform plugins");

  plugins
    .command("list")
    .description("list the loaded plugins and those skipped")
    .option("--json", "print JSON on stdout")
    .action(async (options: JsonOption, command: Command) => {
      state.json = options.json === true;
      const set = await (await openHost(io, command)).load();
      if (state.json) {
        printJson(io, {
          plugins: set.plugins.map(pluginJson),
          skipped: set.skipped.map(failureJson),
        });
        return;
      }
      const rows = [["NAME", "VERSION", "API", "ORIGIN", "DRIVERS", "DIGEST"]];
      for (const p of set.plugins) {
        const { name, version, apiVersion, drivers } = p.plugin;
        rows.push([
          name,
          version,
          String(apiVersion),
          p.origin,
          String(drivers.length),
          p.digest.slice(0, 19),
        ]);
      }
      io.stdout.write(formatTable(rows));
      for (const failure of set.skipped) io.stdout.write(`skipped: ${describeFailure(failure)}\n`);
    });

  plugins
    .command("show")
    .description("show one plugin: platform, origin, digest, drivers and their tests")
    .argument("<name>", "plugin name")
    .option("--json", "print JSON on stdout")
    .action(async (name: string, options: JsonOption, command: Command) => {
      state.json = options.json === true;
      const set = await (await openHost(io, command)).load();
      const found = set.plugins.find((p) => p.plugin.name === name);
      if (found === undefined) {
        const names = set.plugins.map((p) => p.plugin.name);
        const guess = didYouMean(name, names);
        throw new HclError(
          "HCL_E_PLUGIN_UNKNOWN",
          `no loaded plugin is named ${name}${guess === undefined ? "" : `; did you mean ${guess}?`}`,
          {
            hint: `Loaded plugins: ${names.join(", ") || "none"}. Run \`hclkit plugins list\` to see skipped ones.`,
            details: { name, loaded: names },
          },
        );
      }
      if (state.json) printJson(io, pluginJson(found));
      else io.stdout.write(describePlugin(found));
    });

  plugins
    .command("validate")
    .description(
      "check a plugin package or module: schema, API version, ids, and a probe of every driver on an empty inventory",
    )
    .argument("<path>", "plugin folder or module file")
    .option("--json", "print JSON on stdout")
    .action(async (target: string, options: JsonOption, command: Command) => {
      state.json = options.json === true;
      const absolute = path.resolve(io.cwd, target);
      if (!existsSync(absolute)) {
        throw new HclError("HCL_E_CLI_PATH_NOT_FOUND", `no file or folder at ${target}`, {
          hint: "Give the path of a plugin package folder or of its module file.",
          details: { path: absolute },
        });
      }
      const host = await openHost(io, command);
      const { loaded, probe } = await host.validate({
        origin: "path",
        label: target,
        kind: "path",
        specifier: absolute,
        baseDir: io.cwd,
      });
      if (state.json) {
        printJson(io, {
          valid: true,
          plugin: pluginJson(loaded),
          emptyInventoryProbe: { devices: probe.devices.length },
        });
        return;
      }
      const { name, version, apiVersion, drivers } = loaded.plugin;
      io.stdout.write(
        `plugin ${name} ${version} is valid: plugin API ${apiVersion}, ${drivers.length} driver${drivers.length === 1 ? "" : "s"}, ${loaded.digest}\n` +
          `every driver probed an empty inventory without error (${probe.devices.length} devices)\n`,
      );
    });
}

function pluginJson(loaded: LoadedPlugin): Record<string, unknown> {
  const { name, version, apiVersion, platform, drivers } = loaded.plugin;
  return {
    name,
    version,
    apiVersion,
    origin: loaded.origin,
    label: loaded.label,
    path: loaded.root,
    digest: loaded.digest,
    platform: { title: platform.title, match: platform.match },
    drivers: drivers.map((d) => ({
      id: d.id,
      class: d.class,
      title: d.title ?? null,
      tests: (d.tests ?? []).map((t) => ({ id: t.id, title: t.title })),
    })),
  };
}

function describePlugin(loaded: LoadedPlugin): string {
  const { name, version, apiVersion, platform, drivers } = loaded.plugin;
  const match =
    platform.match.fallback === true
      ? "fallback: matches any machine, lowest score"
      : `PCI ${(platform.match.pci ?? []).join(", ") || "none"}`;
  const lines = [
    `${name} ${version} (plugin API ${apiVersion})`,
    `  platform: ${platform.title} (${match})`,
    `  origin:   ${loaded.origin} (${loaded.label})`,
    `  path:     ${loaded.root}`,
    `  digest:   ${loaded.digest}`,
    `  drivers:  ${drivers.length === 0 ? "none" : ""}`,
  ];
  for (const d of drivers) {
    const tests = (d.tests ?? []).map((t) => t.id);
    lines.push(
      `    - ${d.id} (${d.class})${d.title === undefined ? "" : ` ${d.title}`}${tests.length > 0 ? `; tests: ${tests.join(", ")}` : ""}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
