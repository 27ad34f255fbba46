/**
 * hw-probe's log names (Debian `hw-probe`, `hw-probe.pl`) that hclkit reads, under `logs/` of a
 * snapshot. A snapshot may hold any subset.
 *
 * @public
 */
export const LOG_NAMES = [
  "dmidecode",
  "lspci_all",
  "lspci",
  "acpidump_decoded",
  "hwinfo",
  "cpuinfo",
  "meminfo",
  "udev-db",
  "lsusb",
  "edid",
  "power_supply",
  "dmesg",
] as const;

/** One of {@link LOG_NAMES}. @public */
export type LogName = (typeof LOG_NAMES)[number];
