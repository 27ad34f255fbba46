import type { DependencyContainer } from "tsyringe";
import { inject, injectable } from "tsyringe";
import type { LoadFailurePolicy } from "../config/config-schema.js";
import type { LoadedConfig } from "../config/load-config.js";
import { createPluginScope } from "../di/plugin-scope.js";
import { resolve } from "../di/token.js";
import { CONFIG, CONTAINER, DRIVER_RUNNER, HOST_OPTIONS, LOGGER } from "../di/tokens.js";
import { HclError } from "../errors/hcl-error.js";
import { emptyInventory, type Inventory } from "../inventory/inventory.js";
import type { Logger } from "../log/logger.js";
import { discoverBuiltins, discoverConfigured, discoverDependencies } from "./discover.js";
import type { DeviceClass } from "./api.js";
import type { DriverFailure, DriverResult, ProbedDevice, ProbeOutcome } from "./driver-runner.js";
import { defaultPolicy, pluginTimeoutMs, type HostOptions } from "./host-options.js";
import {
  duplicateNameError,
  loadPlugin,
  type LoadedPlugin,
  type PluginFailure,
} from "./load-plugin.js";
import type { PluginSpec } from "./plugin-source.js";
import { describeFailure, failureJson } from "./failure-text.js";

/** The plugins of a run: those loaded, and those skipped under the `continue` policy. @public */
export interface PluginSet {
  readonly plugins: readonly LoadedPlugin[];
  readonly skipped: readonly PluginFailure[];
}

/** Devices found by probing, and the drivers skipped under `continue`. @public */
export interface ProbeResult {
  readonly devices: readonly ProbedDevice[];
  /** What each driver answered (failed drivers are in `skipped`, not here). */
  readonly results: readonly DriverResult[];
  readonly skipped: readonly PluginFailure[];
  /** The drivers that failed, with their class: those classes are unknown. */
  readonly failed: readonly DriverFailure[];
}

/** Which drivers of a plugin to probe: all, or those of some classes. @public */
export interface ProbeSelection {
  readonly plugin: LoadedPlugin;
  readonly classes?: ReadonlySet<DeviceClass>;
}

/**
 * Discovers, loads and runs plugins. Built-ins come first, then the configuration's
 * `plugins:`, then the project's `hclkit-plugin-*` dependencies; the first plugin to claim a
 * name keeps it. Every failure is collected with its plugin and phase, then the per-plugin
 * policy decides: under `abort` the whole set fails with every failure listed, under `continue`
 * the failed plugin is skipped and listed with its code.
 *
 * @public
 */
@injectable()
export class PluginHost {
  private loading: Promise<PluginSet> | undefined;
  private readonly scopes = new Map<LoadedPlugin, DependencyContainer>();

  constructor(
    @inject(HOST_OPTIONS) private readonly options: HostOptions,
    @inject(CONFIG) private readonly config: LoadedConfig,
    @inject(LOGGER) private readonly log: Logger,
    @inject(CONTAINER) private readonly root: DependencyContainer,
  ) {}

  /** Loads every discovered plugin once; later calls return the same set. */
  load(): Promise<PluginSet> {
    this.loading ??= this.loadSpecs(this.discover());
    return this.loading;
  }

  /**
   * Loads exactly the given plugins (the CLI's `plugins validate PATH`), without discovery and
   * with policy `continue`: failures are returned, not thrown.
   */
  async loadOnly(specs: readonly PluginSpec[]): Promise<PluginSet> {
    const { loaded, failures } = await this.loadEach(specs);
    return { plugins: loaded, skipped: failures };
  }

  /**
   * Validates one plugin as `hclkit plugins validate` does: loads it alone (schema, API version,
   * ids), then probes each of its drivers on an empty inventory, where every probe must return
   * devices or nothing without throwing.
   *
   * @throws HclError the plugin's load error, or the first driver's probe error with every
   *   failing driver listed.
   */
  async validate(spec: PluginSpec): Promise<{ loaded: LoadedPlugin; probe: ProbeOutcome }> {
    const set = await this.loadOnly([spec]);
    const failure = set.skipped[0];
    const loaded = set.plugins[0];
    if (failure !== undefined || loaded === undefined)
      throw failure?.error ?? new Error(`nothing loaded from ${spec.label}`);
    const probe = await resolve(this.scopeOf(loaded), DRIVER_RUNNER).probe(emptyInventory());
    const first = probe.failures[0];
    if (first !== undefined) {
      const lines = probe.failures.map(
        (f) => `  - driver ${f.driver}: ${f.error.code}: ${f.error.message}`,
      );
      throw new HclError(
        first.error.code,
        `plugin ${loaded.plugin.name}: ${probe.failures.length} of ${loaded.plugin.drivers.length} drivers failed when probing an empty inventory:\n${lines.join("\n")}`,
        {
          hint: "A probe must return devices, or an empty list, for any inventory, including one where nothing is known.",
          cause: first.error,
          details: {
            plugin: loaded.plugin.name,
            failures: probe.failures.map((f) => ({ driver: f.driver, ...f.error.toJSON() })),
          },
        },
      );
    }
    return { loaded, probe };
  }

  /** The policy for a plugin: an override by name or label, the configured default, or the run's. */
  policyFor(failure: Pick<PluginFailure, "label" | "plugin">): LoadFailurePolicy {
    const settings = this.config.config.onLoadFailure;
    const overrides = settings?.plugins ?? {};
    return (
      (failure.plugin === null ? undefined : overrides[failure.plugin]) ??
      overrides[failure.label] ??
      settings?.default ??
      defaultPolicy(this.options)
    );
  }

  /**
   * Probes the drivers of `plugins` against `inventory`. A driver that fails is skipped under
   * `continue` (its devices are unknown) and fails the whole probe under `abort`.
   */
  async probe(selections: readonly ProbeSelection[], inventory: Inventory): Promise<ProbeResult> {
    const devices: ProbedDevice[] = [];
    const results: DriverResult[] = [];
    const failed: DriverFailure[] = [];
    const failures: PluginFailure[] = [];
    for (const { plugin: loaded, classes } of selections) {
      const outcome = await resolve(this.scopeOf(loaded), DRIVER_RUNNER).probe(inventory, classes);
      devices.push(...outcome.devices);
      results.push(...outcome.results);
      failed.push(...outcome.failures);
      for (const failure of outcome.failures) {
        failures.push({
          origin: loaded.origin,
          label: loaded.label,
          plugin: loaded.plugin.name,
          phase: "probe",
          error: failure.error,
        });
      }
    }
    const { skipped } = this.collect({ loaded: [], failures }, (f) => this.policyFor(f));
    return { devices, results, skipped, failed };
  }

  /** The plugin's own child container (created on first use). */
  scopeOf(loaded: LoadedPlugin): DependencyContainer {
    let scope = this.scopes.get(loaded);
    if (scope === undefined) {
      scope = createPluginScope(this.root, loaded);
      this.scopes.set(loaded, scope);
    }
    return scope;
  }

  private async discover(): Promise<PluginSpec[]> {
    const specs = [
      ...discoverBuiltins(this.options.builtinDir),
      ...discoverConfigured(this.config),
    ];
    return [...specs, ...(await discoverDependencies(this.options.cwd))];
  }

  private async loadSpecs(discovering: Promise<PluginSpec[]>): Promise<PluginSet> {
    const outcome = await this.loadEach(await discovering);
    return this.collect(outcome, (f) => this.policyFor(f));
  }

  private async loadEach(
    specs: readonly PluginSpec[],
  ): Promise<{ loaded: LoadedPlugin[]; failures: PluginFailure[] }> {
    const timeoutMs = pluginTimeoutMs(this.options, this.config.config);
    const outcomes = await Promise.all(specs.map((spec) => loadPlugin(spec, { timeoutMs })));
    const loaded: LoadedPlugin[] = [];
    const failures: PluginFailure[] = [];
    const byRoot = new Map<string, LoadedPlugin>();
    const byName = new Map<string, LoadedPlugin>();
    for (const outcome of outcomes) {
      if (!outcome.ok) {
        failures.push(outcome.failure);
        continue;
      }
      const plugin = outcome.loaded;
      // The same package named twice (config and dependencies) is one plugin, not a clash.
      if (byRoot.has(plugin.root)) continue;
      byRoot.set(plugin.root, plugin);
      const first = byName.get(plugin.plugin.name);
      if (first !== undefined) {
        const error = duplicateNameError(plugin, first);
        failures.push({
          origin: plugin.origin,
          label: plugin.label,
          plugin: plugin.plugin.name,
          phase: "register",
          error,
        });
        continue;
      }
      byName.set(plugin.plugin.name, plugin);
      loaded.push(plugin);
    }
    return { loaded, failures };
  }

  private collect(
    outcome: { loaded: readonly LoadedPlugin[]; failures: readonly PluginFailure[] },
    policy: (failure: PluginFailure) => LoadFailurePolicy,
  ): PluginSet {
    const aborting = outcome.failures.filter((f) => policy(f) === "abort");
    if (aborting.length > 0) throw abortError(outcome.failures, aborting);
    for (const failure of outcome.failures) {
      this.log.warn(
        `plugin ${failure.plugin ?? failure.label} skipped (${failure.phase}, ${failure.error.code}): ${failure.error.message}`,
      );
    }
    return { plugins: outcome.loaded, skipped: outcome.failures };
  }
}

function abortError(all: readonly PluginFailure[], aborting: readonly PluginFailure[]): HclError {
  const lines = all.map((f) => `  - ${describeFailure(f)}`).join("\n");
  return new HclError(
    "HCL_E_PLUGIN_LOAD_ABORTED",
    `${all.length} plugin failure${all.length === 1 ? "" : "s"}, ${aborting.length} under the abort policy:\n${lines}`,
    {
      hint: "Fix or remove the failing plugins, or set onLoadFailure to continue for them in hclkit.config.yaml (abort is the default with --ci).",
      cause: aborting[0]?.error,
      details: { failures: all.map(failureJson) },
    },
  );
}
