import type { LogName } from "./log-names.js";

/** How much of a file is looked at to recognise it. */
const HEAD_BYTES = 64 * 1024;

/**
 * Recognises a single dump by its content, as the hw-probe log it would be: `dmidecode` text,
 * `lspci -vvnn`, `udevadm info --export-db`, decoded ACPI tables (`acpidump` + `iasl -d`),
 * hwinfo, `/proc/cpuinfo`. `null` when it is none of them.
 *
 * @public
 */
export function sniffDump(text: string): LogName | null {
  const head = text.slice(0, HEAD_BYTES);
  if (
    /^# dmidecode \d/m.test(head) ||
    /^Handle 0x[0-9A-Fa-f]{4}, DMI type \d+, \d+ bytes$/m.test(head)
  )
    return "dmidecode";
  if (
    /^(?:[0-9a-f]{4}:)?[0-9a-f]{2}:[0-9a-f]{2}\.[0-7] [^\n]*\[[0-9a-f]{4}\]: [^\n]*\[[0-9a-f]{4}:[0-9a-f]{4}\]/m.test(
      head,
    )
  )
    return "lspci_all";
  if (/^P: \/devices\//m.test(head) && /^E: [A-Z_]+=/m.test(head)) return "udev-db";
  if (
    /Signature : "[A-Z0-9!_ ]{4}"/.test(head) ||
    /^\s*DefinitionBlock \(/m.test(head) ||
    /Intel ACPI Component Architecture/.test(head)
  )
    return "acpidump_decoded";
  if (
    /^\d+: (?:PCI|USB|None|ISA|SCSI) [0-9a-f]{2,3}\.\d: [0-9a-f]{4,5} /m.test(head) &&
    /^ {2}Hardware Class: /m.test(head)
  )
    return "hwinfo";
  if (/^processor\s*: \d+$/m.test(head) && /^flags\s*: /m.test(head)) return "cpuinfo";
  return null;
}
