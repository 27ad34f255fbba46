import type { Inventory } from "../../inventory/inventory.js";
import type { ActiveTestResult, Device } from "../../plugin/api.js";

/** JSON values that cross the process boundary between the runner and a test's child process. */
export type Json =
  null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };

/**
 * What a core active test receives, in the child process that runs it.
 *
 * @public
 */
export interface CoreTestContext {
  /** The requirement's `params`, already validated against the test's `params` schema. */
  readonly params: Readonly<Record<string, Json>>;
  /** Root of the live machine's filesystem (`/`, or `--root`): read `/proc` and `/sys` under it. */
  readonly root: string;
  /** The machine's inventory, as the run read it. */
  readonly inventory: Inventory;
  /** Every device the drivers found, to resolve targets (`esata`, `card-reader`, `wifi`). */
  readonly devices: readonly Device[];
  /**
   * The TPM to talk to (`--tpm SPEC`): `device:/dev/tpmrm0`, `swtpm:127.0.0.1:2321` (control
   * channel on the next port), or `null` for the default (the kernel's /dev/tpmrm0 under root).
   */
  readonly tpm: string | null;
  /** Fires when the test runs out of time; long loops must stop when it does. */
  readonly signal: AbortSignal;
  /** A line of output, captured into the session beside the result. */
  log(line: string): void;
}

/**
 * State read before and after a step that is expected not to return (suspend, reboot). The runner
 * writes `capture()`'s answer durably before the step starts; after the step — or in the
 * resumed session, when the process did not survive it — it captures again and `verify` decides
 * whether the transition really happened.
 *
 * @public
 */
export interface Transition {
  capture(root: string): Promise<Json>;
  verify(before: Json, after: Json): ActiveTestResult;
}

/**
 * An active test offered by the core (DESIGN.md, "Suites": tests are active steps with
 * measurements). Each run happens in a child process with a time bound.
 *
 * @public
 */
export interface CoreTest {
  /** Dotted id suites refer to: `storage.read-throughput`. */
  readonly id: string;
  readonly title: string;
  /** JSON Schema (draft-07) of the params a requirement may give; validated at suite load. */
  readonly params: Readonly<Record<string, unknown>>;
  /** The measurement a requirement's `limits` apply to by default, with its unit. */
  readonly measures?: { readonly name: string; readonly unit: string };
  /**
   * `true` when the test needs the live machine (it reads devices, runs tools); on recorded
   * evidence its requirement is `blocked`. `false` when the inventory alone is enough.
   */
  readonly live: boolean;
  /** Changes the machine's state (suspend): runs only with `--allow-disruptive`. */
  readonly disruptive?: boolean;
  /** Default time bound of one run, in seconds; a requirement's `timeoutSec` overrides it. */
  readonly timeoutSec: number;
  /** Present on steps expected not to return to the process that started them. */
  readonly transition?: Transition;
  run(context: CoreTestContext): Promise<ActiveTestResult>;
}
