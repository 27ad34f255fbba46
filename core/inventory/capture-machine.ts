import { captureSnapshot, type CaptureResult } from "../evidence/capture.js";
import { buildInventory } from "./build-inventory.js";

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
