import { summarizeCapabilities } from "../capabilities/summarize.js";
import type { Capabilities } from "../capabilities/schema.js";
import type { Inventory } from "../inventory/inventory.js";
import { DEVICE_CLASSES, type Device, type DeviceClass } from "../plugin/api.js";
import type { DriverFailure, ProbedDevice } from "../plugin/driver-runner.js";
import type { LoadedPlugin, PluginFailure } from "../plugin/load-plugin.js";
import type { PluginHost } from "../plugin/plugin-host.js";
import { matchPlatforms, type PlatformCandidate } from "./match-platform.js";

/** Which drivers answered for a class, and whether the class is known. @public */
export interface ClassCoverage {
  readonly class: DeviceClass;
  /** `plugin/driver` of each driver that answered. */
  readonly drivers: readonly string[];
  /** `known` (devices listed), `unknown` (no driver could tell), `failed` (a driver failed), `none` (no driver for it). */
  readonly state: "known" | "unknown" | "failed" | "none";
}

/** What hclkit makes of a machine: its platform, its devices, and the capability summary. @public */
export interface MachineIdentity {
  /** The winning plugin, and every candidate with its score and evidence; `null` without plugins. */
  readonly platform: {
    readonly chosen: PlatformCandidate;
    readonly candidates: readonly PlatformCandidate[];
  } | null;
  readonly devices: readonly ProbedDevice[];
  readonly coverage: readonly ClassCoverage[];
  readonly capabilities: Capabilities;
  /** Plugins and drivers that failed under the `continue` policy. */
  readonly skipped: readonly PluginFailure[];
}

/**
 * Identifies the machine: loads the plugins, chooses the best-scoring platform, probes its
 * drivers, and for every class its plugin has no driver for, the drivers of the fallback plugin
 * (generic-pc). A class whose drivers failed or could not tell is unknown in the summary.
 *
 * @public
 */
export async function identifyMachine(
  host: PluginHost,
  inventory: Inventory,
): Promise<MachineIdentity> {
  const { plugins, skipped: loadSkipped } = await host.load();
  const candidates = matchPlatforms(plugins, inventory);
  const chosen = candidates[0];
  if (chosen === undefined) {
    return {
      platform: null,
      devices: [],
      coverage: DEVICE_CLASSES.map((c) => ({ class: c, drivers: [], state: "none" })),
      capabilities: summarizeCapabilities(new Map()),
      skipped: loadSkipped,
    };
  }
  const byName = new Map(plugins.map((p) => [p.plugin.name, p]));
  const platform = byName.get(chosen.plugin) as LoadedPlugin;
  const covered = new Set(platform.plugin.drivers.map((d) => d.class));
  const fallback = plugins.find((p) => p !== platform && p.plugin.platform.match.fallback === true);
  const missing = new Set(DEVICE_CLASSES.filter((c) => !covered.has(c)));
  const selections = [
    { plugin: platform },
    ...(fallback !== undefined && missing.size > 0 ? [{ plugin: fallback, classes: missing }] : []),
  ];
  const probed = await host.probe(selections, inventory);

  const classes = new Map<DeviceClass, Device[] | null>();
  const coverage: ClassCoverage[] = [];
  for (const c of DEVICE_CLASSES) {
    const answers = probed.results.filter((r) => r.class === c);
    const failures = probed.failed.filter((f: DriverFailure) => f.class === c);
    const drivers = [...answers, ...failures].map((r) => `${r.plugin}/${r.driver}`);
    const known = answers.filter((r) => r.devices !== null);
    // A class is known only when every driver of it answered: a failed one may have held devices.
    if (known.length > 0 && failures.length === 0)
      classes.set(
        c,
        known.flatMap((r) => r.devices ?? []),
      );
    else classes.set(c, null);
    coverage.push({
      class: c,
      drivers,
      state:
        failures.length > 0
          ? "failed"
          : known.length > 0
            ? "known"
            : answers.length > 0
              ? "unknown"
              : "none",
    });
  }
  return {
    platform: { chosen, candidates },
    devices: probed.devices,
    coverage,
    capabilities: summarizeCapabilities(classes),
    skipped: [...loadSkipped, ...probed.skipped],
  };
}
