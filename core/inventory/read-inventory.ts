import { captureSnapshot, type CaptureResult } from "../evidence/capture.js";
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

/** Options of {@link captureMachine}. @public */
export interface CaptureMachineOptions {
  readonly root: string;
  readonly out: string;
  readonly hclkitVersion: string;
  readonly tools?: boolean;
}

/**
 * Captures the live machine as a snapshot archive holding exactly the files the inventory reads
 * (so that `hclkit inventory --from` the archive gives what the live run gives), plus tool logs
 * and meta.json.
 *
 * @public
 */
export function captureMachine(options: CaptureMachineOptions): Promise<CaptureResult> {
  return captureSnapshot({ ...options, read: (source) => void buildInventory(source) });
}
