import { openEvidence, type EvidenceRequest } from "../evidence/open-evidence.js";
import { buildInventory } from "./build-inventory.js";
import type { Inventory } from "./schema.js";

/**
 * The inventory of the live machine (under `root`) or of the evidence at `from`: the library
 * entry point behind `hclkit inventory`.
 *
 * @throws HclError when the evidence cannot be opened at all (path missing, archive refused,
 *   file unrecognised); problems inside the evidence are diagnostics, not errors.
 * @public
 */
export async function readInventory(request: EvidenceRequest): Promise<Inventory> {
  const opened = await openEvidence(request);
  return buildInventory(opened.source, opened.diagnostics);
}
