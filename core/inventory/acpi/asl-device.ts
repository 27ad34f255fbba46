import type { SourceRef } from "../common.js";
import type { AcpiDevice, AcpiIdSource } from "./schema.js";

/** A device of the namespace being read from ASL, before it becomes an {@link AcpiDevice}. @public */
export interface DeviceBuilder {
  readonly path: string;
  /** The line of its first `Device (…)` declaration. */
  readonly line: number;
  /** The line that closes that declaration. */
  endLine: number | null;
  hid: string | null;
  /** True when `_HID` is a method, is stored to, or is declared twice with different values. */
  hidDynamic: boolean;
  readonly candidates: string[];
  readonly cids: string[];
  uid: string | null;
  readonly idSources: AcpiIdSource[];
}

/** A device declared at `line`, with nothing known of it yet. @public */
export function newDevice(path: string, line: number): DeviceBuilder {
  return {
    path,
    line,
    endLine: null,
    hid: null,
    hidDynamic: false,
    candidates: [],
    cids: [],
    uid: null,
    idSources: [],
  };
}

/** Records one id a device's `_HID` can take, or one of its `_CID`s, and the line it is on. @public */
export function addDeviceId(
  device: DeviceBuilder,
  object: "_HID" | "_CID",
  id: string,
  at: SourceRef,
): void {
  (object === "_HID" ? device.candidates : device.cids).push(id);
  device.idSources.push({ id, object, at });
}

/**
 * The finished record: `hid` only when it is fixed, every id once, in order; the `Device (…)`
 * block as its evidence. ASL text does not show `_STA`'s value, so `status` is `null`.
 *
 * @public
 */
export function toAcpiDevice(device: DeviceBuilder, file: string): AcpiDevice {
  return {
    path: device.path,
    hid: device.hidDynamic ? null : device.hid,
    hidCandidates: [...new Set(device.candidates)],
    cids: [...new Set(device.cids)],
    uid: device.uid,
    status: null,
    idSources: device.idSources,
    at:
      device.endLine !== null && device.endLine > device.line
        ? { file, line: device.line, endLine: device.endLine }
        : { file, line: device.line },
  };
}
