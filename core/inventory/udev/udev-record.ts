import type { UdevRecord } from "./schema.js";

/** The subsystem of a record: `U:`, or the `SUBSYSTEM` property older udev versions only have. @public */
export function udevSubsystem(record: UdevRecord): string | null {
  return record.subsystem ?? record.properties.SUBSYSTEM ?? null;
}

/** The device type of a record: `T:`, or the `DEVTYPE` property. @public */
export function udevDevtype(record: UdevRecord): string | null {
  return record.devtype ?? record.properties.DEVTYPE ?? null;
}
