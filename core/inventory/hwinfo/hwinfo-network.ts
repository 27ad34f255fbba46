import { field, quotedList, type HwinfoEntry } from "./hwinfo-entries.js";
import type { HwinfoNetwork } from "./schema.js";

/**
 * A network interface from a hwinfo entry whose `Hardware Class` is `network interface`; `null`
 * without a `Device File` (the interface name).
 *
 * @public
 */
export function hwinfoNetwork(entry: HwinfoEntry): HwinfoNetwork | null {
  const name = field(entry, "Device File");
  if (name === null || name === "") return null;
  return {
    name,
    kind: entry.className === "" ? null : entry.className,
    driver: quotedList(field(entry, "Driver"))[0] ?? null,
    hardwareClass: field(entry, "Hardware Class"),
    device: field(entry, "SysFS Device Link"),
    at: entry.at,
  };
}
