import type { EvidenceRequest } from "../evidence/open-evidence.js";
import type { Inventory } from "../inventory/inventory.js";
import { readInventory } from "../inventory/read-inventory.js";
import type { PluginHost } from "../plugin/plugin-host.js";
import { identifyMachine, type MachineIdentity } from "./identify-machine.js";
import type { Platform } from "./schema.js";

/** A machine read and identified: its inventory (with platform and capabilities filled) and devices. @public */
export interface Inspection {
  readonly inventory: Inventory;
  readonly identity: MachineIdentity;
}

/**
 * Reads the evidence of a machine and identifies it with the loaded plugins: the library entry
 * point behind `hclkit inventory` and `hclkit devices`.
 *
 * @public
 */
export async function inspectMachine(
  host: PluginHost,
  request: EvidenceRequest,
): Promise<Inspection> {
  const raw = await readInventory(request);
  const identity = await identifyMachine(host, raw);
  const chosen = identity.platform?.chosen;
  const platform: Platform | null =
    chosen === undefined
      ? null
      : {
          plugin: chosen.plugin,
          version: chosen.version,
          digest: chosen.digest,
          title: chosen.title,
          score: chosen.score,
          evidence: chosen.evidence.map((e) => ({ kind: e.kind, id: e.id, at: e.at })),
          candidates: (identity.platform?.candidates ?? []).map((c) => ({
            plugin: c.plugin,
            score: c.score,
          })),
        };
  return { inventory: { ...raw, platform, capabilities: identity.capabilities }, identity };
}
