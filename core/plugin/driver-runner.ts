import { inject, injectable } from "tsyringe";
import type { LoadedConfig } from "../config/load-config.js";
import { CONFIG, HOST_OPTIONS, PLUGIN, PLUGIN_LOGGER } from "../di/tokens.js";
import type { HclError } from "../errors/hcl-error.js";
import { toHclError } from "../errors/render.js";
import type { Inventory } from "../inventory/inventory.js";
import type { Logger } from "../log/logger.js";
import type { Device, DeviceClass, Driver } from "./api.js";
import { pluginTimeoutMs, type HostOptions } from "./host-options.js";
import { invokePlugin } from "./invoke.js";
import type { LoadedPlugin } from "./load-plugin.js";
import { validateProbeResult } from "./validate-plugin.js";

/** A device with the driver that found it. @public */
export interface ProbedDevice {
  readonly plugin: string;
  readonly driver: string;
  readonly device: Device;
}

/** A driver whose probe failed: its devices are unknown, not absent. @public */
export interface DriverFailure {
  readonly plugin: string;
  readonly driver: string;
  readonly class: DeviceClass;
  readonly error: HclError;
}

/** What one driver answered: its devices, or `null` when the evidence cannot tell. @public */
export interface DriverResult {
  readonly plugin: string;
  readonly driver: string;
  readonly class: DeviceClass;
  readonly devices: readonly Device[] | null;
}

/** What probing one plugin's drivers gave. @public */
export interface ProbeOutcome {
  /** Every device found, with its driver. */
  readonly devices: readonly ProbedDevice[];
  /** Each driver that answered, in declaration order. */
  readonly results: readonly DriverResult[];
  readonly failures: readonly DriverFailure[];
}

/**
 * Runs the drivers of one plugin, each through the choke point and bounded in time; a driver
 * that throws, hangs or returns a bad result is recorded and the others still run. Lives in the
 * plugin's own child container, which gives it the plugin and a logger tagged with its name.
 *
 * @public
 */
@injectable()
export class DriverRunner {
  constructor(
    @inject(PLUGIN) private readonly loaded: LoadedPlugin,
    @inject(PLUGIN_LOGGER) private readonly log: Logger,
    @inject(HOST_OPTIONS) private readonly options: HostOptions,
    @inject(CONFIG) private readonly config: LoadedConfig,
  ) {}

  /**
   * Probes the plugin's drivers against `inventory`, in declaration order: all of them, or those
   * of the classes given.
   */
  async probe(inventory: Inventory, classes?: ReadonlySet<DeviceClass>): Promise<ProbeOutcome> {
    const devices: ProbedDevice[] = [];
    const results: DriverResult[] = [];
    const failures: DriverFailure[] = [];
    const plugin = this.loaded.plugin.name;
    for (const driver of this.loaded.plugin.drivers) {
      if (classes !== undefined && !classes.has(driver.class)) continue;
      try {
        const found = await this.probeDriver(driver, inventory);
        results.push({ plugin, driver: driver.id, class: driver.class, devices: found });
        for (const device of found ?? []) devices.push({ plugin, driver: driver.id, device });
      } catch (error) {
        failures.push({ plugin, driver: driver.id, class: driver.class, error: toHclError(error) });
      }
    }
    return { devices, results, failures };
  }

  private async probeDriver(
    driver: Driver,
    inventory: Inventory,
  ): Promise<readonly Device[] | null> {
    const plugin = this.loaded.plugin.name;
    const log = this.log.child(driver.id);
    const result = await invokePlugin(
      { plugin, hook: "probe", driver: driver.id },
      (signal) => driver.probe({ inventory, signal, log }),
      { timeoutMs: pluginTimeoutMs(this.options, this.config.config) },
    );
    return validateProbeResult(result, { plugin, driver: driver.id, driverClass: driver.class });
  }
}
