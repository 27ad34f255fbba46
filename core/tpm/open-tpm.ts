import { existsSync } from "node:fs";
import path from "node:path";
import { DeviceTransport } from "./device-transport.js";
import { DEFAULT_TPM_DEVICE, formatTpmSpec, parseTpmSpec, type TpmSpec } from "./spec.js";
import { SwtpmTransport } from "./swtpm-transport.js";
import type { TpmTransport } from "./transport.js";

/**
 * Devices tried, in order, when no spec is given: the resource-managed device of a TPM 2.0
 * first, then /dev/tpm0 — the only one a TPM 1.2 has (drivers/char/tpm/tpm-chip.c creates
 * tpmrm only for TPM 2.0 chips).
 *
 * @public
 */
export const DEFAULT_TPM_DEVICES: readonly string[] = [DEFAULT_TPM_DEVICE, "/dev/tpm0"];

/** How {@link openTpmTransport} reaches the TPM. @public */
export interface OpenTpmOptions {
  /** Root of the machine's filesystem: device paths are read under it (`/` live). */
  readonly root: string;
  /** Bound of opening or connecting, in milliseconds. */
  readonly timeoutMs: number;
}

/** The host path of a device path under `root`; `..` cannot climb out of it. */
function underRoot(root: string, file: string): string {
  return path.join(root, path.posix.resolve("/", file));
}

/**
 * The default device spec under `root`: `device:/dev/tpmrm0` when it exists, else
 * `device:/dev/tpm0`, else `null` — the machine shows no TPM device.
 *
 * @public
 */
export function defaultTpmSpec(root: string): TpmSpec | null {
  const found = DEFAULT_TPM_DEVICES.find((device) => existsSync(underRoot(root, device)));
  return found === undefined ? null : { kind: "device", path: found };
}

/**
 * Opens the TPM a spec names (`--tpm SPEC`, see {@link parseTpmSpec}), or the default device
 * when `spec` is `null`; `null` when there is no spec and no default device. Throws
 * `HCL_E_TPM_SPEC` for a malformed spec, `HCL_E_TPM_OPEN` / `HCL_E_TPM_TIMEOUT` when the TPM
 * cannot be reached.
 *
 * @public
 */
export async function openTpmTransport(
  spec: string | TpmSpec | null,
  options: OpenTpmOptions,
): Promise<TpmTransport | null> {
  const parsed =
    spec === null
      ? defaultTpmSpec(options.root)
      : typeof spec === "string"
        ? parseTpmSpec(spec)
        : spec;
  if (parsed === null) return null;
  if (parsed.kind === "swtpm") return SwtpmTransport.connect(parsed, options.timeoutMs);
  return DeviceTransport.open(underRoot(options.root, parsed.path), formatTpmSpec(parsed));
}
