import path from "node:path";
import { expect } from "chai";
import type { Inventory } from "../../../core/inventory/inventory.js";
import type { PlatformPlugin } from "../../../core/plugin/api.js";
import { BUILTIN_PLUGINS_DIR } from "../../../core/plugin/discover.js";
import type { LoadedPlugin } from "../../../core/plugin/load-plugin.js";
import { matchPlatforms, type PlatformCandidate } from "../../../core/platform/match-platform.js";
import { makeHost } from "../../helpers/host.js";
import { REPO } from "../../helpers/paths.js";

/**
 * Validates a built-in plugin as `hclkit plugins validate plugins/<name>` does: loads it alone
 * (schema, API version, ids), then probes every driver on an empty inventory, where each must
 * answer without throwing. Returns the classes its drivers declare.
 */
export async function validateBuiltin(name: string): Promise<string[]> {
  const { host } = makeHost({ cwd: REPO, builtinDir: BUILTIN_PLUGINS_DIR });
  const { loaded, probe } = await host.validate({
    origin: "builtin",
    label: name,
    kind: "path",
    specifier: path.join(BUILTIN_PLUGINS_DIR, name),
    baseDir: BUILTIN_PLUGINS_DIR,
  });
  expect(probe.failures.map((f) => f.error.message)).to.deep.equal([]);
  expect(probe.results).to.have.length(loaded.plugin.drivers.length);
  return loaded.plugin.drivers.map((d) => d.class);
}

/** How a plugin scores on a machine, as the platform match scores it. */
export function candidate(
  plugin: PlatformPlugin,
  inventory: Inventory,
): PlatformCandidate | undefined {
  const loaded: LoadedPlugin = {
    plugin,
    origin: "builtin",
    label: plugin.name,
    root: "",
    entry: "",
    digest: "sha256:test",
  };
  return matchPlatforms([loaded], inventory)[0];
}

/** The six classes a vPro platform plugin declares; the others come from generic-pc. */
export const PLATFORM_CLASSES = ["tpm", "txt", "vpro", "esata", "card-reader", "wifi"];
