import type { Inventory } from "../inventory/inventory.js";
import type { ActiveTestResult, Device } from "../plugin/api.js";

/** Which test the child runs: a core test by id, or a plugin driver's test from its module. @public */
export type ChildTest =
  | { readonly origin: "core"; readonly id: string }
  | {
      readonly origin: "plugin";
      readonly id: string;
      readonly plugin: string;
      readonly driver: string;
      /** The plugin module to import. */
      readonly entry: string;
    };

/** The one message the runner sends a test's child process. @public */
export interface ChildRequest {
  readonly type: "run";
  readonly test: ChildTest;
  readonly params: Readonly<Record<string, unknown>>;
  readonly root: string;
  /** `--tpm SPEC`, or `null` for the default. */
  readonly tpm: string | null;
  readonly inventory: Inventory;
  readonly devices: readonly Device[];
}

/** The one message the child answers. @public */
export type ChildReply =
  | { readonly type: "result"; readonly result: ActiveTestResult }
  | {
      readonly type: "error";
      readonly message: string;
      readonly stack: string | null;
      /** The error's `HCL_E_*` code when the test threw an HclError (a TPM that does not answer). */
      readonly code?: string | null;
    };

/**
 * Sent when a test runs out of time: the child fires its context's signal so that the test can
 * clean up (take an interface down again, close a device) in the grace period before the kill.
 *
 * @public
 */
export interface ChildAbort {
  readonly type: "abort";
}
