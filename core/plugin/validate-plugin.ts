import type { ValidateFunction } from "ajv";
import { HclError } from "../errors/hcl-error.js";
import { describeValue, formatKeyPath, problemsFromAjv } from "../schema/problems.js";
import { PLUGIN_API_VERSION, type Device, type PlatformPlugin } from "./api.js";
import * as validators from "./plugin-validators.generated.js";

/**
 * Checks that `value` (a plugin module's default export) is a valid platform plugin, before
 * any of its functions is called. The API version is checked first, so that a plugin written
 * for another API is told so rather than drowned in schema errors.
 *
 * @param where - how the plugin was named (package, path), for messages.
 * @throws HclError `HCL_E_PLUGIN_INVALID`, `HCL_E_PLUGIN_API_VERSION`,
 *   `HCL_E_PLUGIN_DUPLICATE_DRIVER` or `HCL_E_PLUGIN_DUPLICATE_TEST`.
 * @public
 */
export function validatePlugin(value: unknown, where: string): PlatformPlugin {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new HclError(
      "HCL_E_PLUGIN_INVALID",
      `plugin ${where} has no plugin object as its default export (found ${describeValue(value)})`,
      {
        hint: "Export the plugin object: `export default definePlatformPlugin({ name, version, apiVersion: 1, platform, drivers })`.",
        details: { plugin: where },
      },
    );
  }
  const record = value as Record<string, unknown>;
  const name = typeof record["name"] === "string" ? record["name"] : where;
  const apiVersion = record["apiVersion"];
  if (typeof apiVersion === "number" && apiVersion !== PLUGIN_API_VERSION) {
    throw new HclError(
      "HCL_E_PLUGIN_API_VERSION",
      `plugin ${name} targets plugin API ${apiVersion}; this hclkit speaks plugin API ${PLUGIN_API_VERSION}`,
      {
        hint:
          apiVersion > PLUGIN_API_VERSION
            ? "Upgrade hclkit, or use a release of the plugin written for this plugin API."
            : "Upgrade the plugin to the current plugin API (see docs/plugins.md).",
        details: { plugin: name, found: apiVersion, expected: PLUGIN_API_VERSION },
      },
    );
  }
  const validate = validators.plugin as unknown as ValidateFunction;
  if (!validate(value)) {
    const problems = problemsFromAjv(validate.errors);
    const list = problems.map((p) => `  ${formatKeyPath(p.path)}: ${p.message}`).join("\n");
    throw new HclError(
      "HCL_E_PLUGIN_INVALID",
      `plugin ${name} is not a valid platform plugin:\n${list}`,
      {
        hint: "Fix the plugin object; `hclkit plugins validate PATH` checks it without running anything else.",
        details: {
          plugin: name,
          problems: problems.map((p) => ({ path: formatKeyPath(p.path), message: p.message })),
        },
      },
    );
  }
  const plugin = value as PlatformPlugin;
  const driverIds = plugin.drivers.map((d) => d.id);
  const duplicateDriver = firstDuplicate(driverIds);
  if (duplicateDriver !== undefined) {
    throw new HclError(
      "HCL_E_PLUGIN_DUPLICATE_DRIVER",
      `plugin ${name} declares driver id "${duplicateDriver}" more than once (drivers[${driverIds.indexOf(duplicateDriver)}] and drivers[${driverIds.lastIndexOf(duplicateDriver)}])`,
      {
        hint: "Give each driver of a plugin its own id.",
        details: { plugin: name, driver: duplicateDriver },
      },
    );
  }
  const testIds = plugin.drivers.flatMap((d) => (d.tests ?? []).map((t) => t.id));
  const duplicateTest = firstDuplicate(testIds);
  if (duplicateTest !== undefined) {
    throw new HclError(
      "HCL_E_PLUGIN_DUPLICATE_TEST",
      `plugin ${name} declares active test id "${duplicateTest}" more than once`,
      {
        hint: "Give each active test of a plugin its own id.",
        details: { plugin: name, test: duplicateTest },
      },
    );
  }
  return plugin;
}

/**
 * Checks a probe's result against the device contract.
 *
 * @throws HclError `HCL_E_PLUGIN_BAD_RESULT` naming the key path of every problem.
 * @public
 */
export function validateProbeResult(
  value: unknown,
  site: { plugin: string; driver: string; driverClass: string },
): readonly Device[] | null {
  if (value === null) return null;
  const validate = validators.devices as unknown as ValidateFunction;
  const problems = validate(value)
    ? []
    : problemsFromAjv(validate.errors).map((p) => `${formatKeyPath(p.path)}: ${p.message}`);
  if (problems.length === 0) {
    const devices = value as readonly Device[];
    devices.forEach((device, i) => {
      for (const [name, fact] of Object.entries(device.facts)) {
        const why = notJson(fact.value, 0, new Set());
        if (why !== null)
          problems.push(
            `[${i}].facts.${name}.value: ${why}; expected true, false, a number, a string, null, or arrays and objects of those`,
          );
      }
      if (device.class !== site.driverClass) {
        problems.push(
          `[${i}].class: found "${device.class}", expected "${site.driverClass}" (the driver's class)`,
        );
      }
    });
    const duplicate = firstDuplicate(devices.map((d) => d.id));
    if (duplicate !== undefined) problems.push(`device id "${duplicate}" appears more than once`);
  }
  if (problems.length > 0) {
    throw new HclError(
      "HCL_E_PLUGIN_BAD_RESULT",
      `driver ${site.driver} of plugin ${site.plugin} returned devices that break the device contract:\n${problems.map((p) => `  ${p}`).join("\n")}`,
      {
        hint: "A probe returns null (the evidence cannot tell) or an array of devices { id, class, bus, vendorId, deviceId, subsystemVendorId, subsystemDeviceId, driver, name, facts, evidence }.",
        details: { plugin: site.plugin, hook: "probe", driver: site.driver, problems },
      },
    );
  }
  return value as readonly Device[];
}

/** Why a fact value cannot be written as JSON (a cycle, a function, NaN…), or null when it can. */
function notJson(value: unknown, depth: number, seen: Set<object>): string | null {
  if (value === null || typeof value === "boolean" || typeof value === "string") return null;
  if (typeof value === "number") return Number.isFinite(value) ? null : `found ${value}`;
  if (typeof value !== "object") return `found a ${typeof value}`;
  if (depth > 32) return "nested deeper than 32 levels";
  if (seen.has(value)) return "found a circular structure";
  seen.add(value);
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    const why = notJson(item, depth + 1, seen);
    if (why !== null) return why;
  }
  seen.delete(value);
  return null;
}

function firstDuplicate(values: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) return value;
    seen.add(value);
  }
  return undefined;
}
