import type { EvidenceSource } from "../../evidence/evidence-source.js";
import type { Diagnostic, Parsed } from "../common.js";
import { fixedFeatureButtonsOf, lowPowerS0IdleOf } from "./fadt-flags.js";
import { parseAcpiDecoded } from "./parse-acpi-decoded.js";
import { ACPI_DEVICES_DIR, readAcpiDevices } from "./read-acpi-devices.js";
import { ACPI_TABLES_DIR, readAcpiTables } from "./read-acpi-tables.js";
import type { Acpi, SleepState, SleepStates } from "./schema.js";

const UNKNOWN: SleepState = { supported: null, conditional: false, at: null };

/**
 * The ACPI section of the inventory. Each part comes from the best evidence that has it:
 *
 * - tables: the sysroot's `/sys/firmware/acpi/tables/` (binary tables, header and fields
 *   parsed), else `logs/acpidump_decoded`;
 * - devices: the sysroot's `/sys/bus/acpi/devices/` (run-time `_HID`s, better than the DSDT
 *   text, where a `_HID` method gives only candidates), else the decoded DSDT/SSDTs;
 * - sleep states: the decoded DSDT's `\_Sx` packages (the live AML is not disassembled; which
 *   states Linux offers is in the power section);
 * - S0 idle and the fixed-feature buttons: the live FADT when it can be read (as root), else
 *   the decoded one.
 *
 * `null` when the evidence has no ACPI at all.
 *
 * @public
 */
export function collectAcpi(source: EvidenceSource): Parsed<Acpi> {
  const diagnostics: Diagnostic[] = [];
  const liveTables = source.sys === null ? null : readAcpiTables(source.sys);
  const liveDevices = source.sys === null ? null : readAcpiDevices(source.sys);
  for (const d of liveTables?.diagnostics ?? []) diagnostics.push(d);
  for (const d of liveDevices?.diagnostics ?? []) diagnostics.push(d);
  const tables = liveTables?.value ?? null;
  const devices = liveDevices?.value ?? null;

  // The decoded DSDT is the only evidence of \_Sx, so the log is read whenever there is one.
  let decoded: Acpi | null = null;
  const log = source.log("acpidump_decoded");
  if (log !== null) {
    const parsed = parseAcpiDecoded(log.text, log.name);
    for (const d of parsed.diagnostics) diagnostics.push(d);
    decoded = parsed.value;
  }
  if (tables === null && devices === null && decoded === null) return { value: null, diagnostics };

  const facp = tables?.find((t) => t.signature === "FACP");
  const liveButtons =
    facp === undefined ? null : fixedFeatureButtonsOf(facp.fields["flags"], facp.at);
  const liveS0 = facp === undefined ? UNKNOWN : lowPowerS0IdleOf(facp.fields["flags"], facp.at);
  return {
    value: {
      tables: tables ?? decoded?.tables ?? null,
      tableList:
        tables !== null
          ? { complete: true, at: { file: ACPI_TABLES_DIR } }
          : (decoded?.tableList ?? null),
      devices: devices ?? decoded?.devices ?? null,
      namespace:
        devices !== null
          ? { complete: true, at: { file: ACPI_DEVICES_DIR } }
          : (decoded?.namespace ?? null),
      sleepStates: sleepStates(decoded?.sleepStates ?? null, liveS0),
      fixedFeatureButtons: liveButtons ?? decoded?.fixedFeatureButtons ?? null,
    },
    diagnostics,
  };
}

/** The namespace's `\_Sx` (decoded DSDT only), S0 idle from the live FADT when it was read. */
function sleepStates(decoded: SleepStates | null, liveS0: SleepState): SleepStates | null {
  if (decoded === null && liveS0.supported === null) return null;
  return {
    s0: decoded?.s0 ?? UNKNOWN,
    s1: decoded?.s1 ?? UNKNOWN,
    s2: decoded?.s2 ?? UNKNOWN,
    s3: decoded?.s3 ?? UNKNOWN,
    s4: decoded?.s4 ?? UNKNOWN,
    s5: decoded?.s5 ?? UNKNOWN,
    lowPowerS0Idle: liveS0.supported !== null ? liveS0 : (decoded?.lowPowerS0Idle ?? UNKNOWN),
  };
}
