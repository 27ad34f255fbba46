import type { SourceRef } from "../common.js";
import type { FixedFeatureButtons, SleepState } from "./schema.js";

// FADT Flags bits (ACPI spec §5.2.9 table "Fixed ACPI Description Table Fixed Feature Flags";
// ACPICA actbl.h ACPI_FADT_POWER_BUTTON, _SLEEP_BUTTON, _HW_REDUCED, _LOW_POWER_S0).
const PWR_BUTTON = 1 << 4;
const SLP_BUTTON = 1 << 5;
const HW_REDUCED_ACPI = 1 << 20;
const LOW_POWER_S0_IDLE_CAPABLE = 1 << 21;

/** The FADT `Flags` field (`fields.flags`, 8 hex digits) as a number; `null` when unreadable. */
function flagsValue(flags: string | undefined): number | null {
  return flags !== undefined && /^[0-9a-f]{1,8}$/.test(flags) ? Number.parseInt(flags, 16) : null;
}

/**
 * The fixed-feature buttons the FADT declares. A set PWR_BUTTON / SLP_BUTTON flag means the
 * button is a control-method device (`PNP0C0C` / `PNP0C0E`) or absent; a clear one means a
 * fixed-feature button, which Linux registers as `LNXPWRBN` / `LNXSLPBN` (drivers/acpi/scan.c
 * `acpi_bus_scan_fixed`). A hardware-reduced platform has no fixed hardware at all (ACPI spec
 * §4.1), whatever the two bits say.
 *
 * @public
 */
export function fixedFeatureButtonsOf(
  flags: string | undefined,
  at: SourceRef,
): FixedFeatureButtons | null {
  const value = flagsValue(flags);
  if (value === null) return null;
  const reduced = (value & HW_REDUCED_ACPI) !== 0;
  return {
    power: !reduced && (value & PWR_BUTTON) === 0,
    sleep: !reduced && (value & SLP_BUTTON) === 0,
    at,
  };
}

/**
 * The FADT's LOW_POWER_S0_IDLE_CAPABLE flag (S0ix / "modern standby"), as a sleep state;
 * unknown when the FADT's flags were not read.
 *
 * @public
 */
export function lowPowerS0IdleOf(flags: string | undefined, at: SourceRef | null): SleepState {
  const value = flagsValue(flags);
  return value === null
    ? { supported: null, conditional: false, at: null }
    : { supported: (value & LOW_POWER_S0_IDLE_CAPABLE) !== 0, conditional: false, at };
}
