import Type, { type Static } from "typebox";
import { Nullable, SourceRefSchema } from "../common.js";

/**
 * One ACPI table: its header and, for the tables hclkit decodes (TCPA, TPM2, DMAR, FACP), the
 * fields drivers need. The same table gives the same record whether it was read as a binary from
 * `/sys/firmware/acpi/tables/` or as iasl's decoded dump (`logs/acpidump_decoded`).
 *
 * `fields` keys (numbers are lower-case hex at the field's width, as the table stores them):
 * - TCPA (TCG ACPI spec, ACPICA `acpi_table_tcpa_*`): `platformClass`, `minimumLogLength`,
 *   `logAddress`.
 * - TPM2 (`acpi_table_tpm2`): `platformClass` (revision 4+), `controlAddress`, `startMethod`,
 *   and with a log area `minimumLogLength`, `logAddress`.
 * - DMAR (VT-d spec §8, `acpi_table_dmar`): `hostAddressWidth` (stored as width − 1: `23` = 36
 *   bits), `flags`; per DRHD unit *n* `drhd[n].flags`, `drhd[n].segment`, `drhd[n].address` and
 *   `drhd[n].scope` (space-separated `type@bus:dev.fn`, e.g. `01@00:1b.0`; empty when none).
 * - FACP (ACPI spec §5.2.9, `acpi_table_fadt`): `pmProfile`, `flags`.
 *
 * @public
 */
export const AcpiTableSchema = Type.Object(
  {
    /** Four-character signature (`DMAR`, `FACP`, `SSDT`; `RSD PTR ` for the RSDP). */
    signature: Type.String({ minLength: 1 }),
    revision: Nullable(Type.Integer({ minimum: 0 })),
    /** OEM ID up to its first NUL, control bytes as spaces, trailing spaces removed (`PTL`). */
    oemId: Nullable(Type.String()),
    /** Spelled as `oemId` (`TP-6I`, `CP_DALE`). */
    oemTableId: Nullable(Type.String()),
    oemRevision: Nullable(Type.Integer({ minimum: 0 })),
    /** Length in bytes as the header states it. */
    length: Nullable(Type.Integer({ minimum: 0 })),
    /** Whether the bytes sum to zero; `null` when the evidence does not show the whole table. */
    checksumValid: Nullable(Type.Boolean()),
    fields: Type.Record(Type.String(), Type.String()),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type AcpiTable = Static<typeof AcpiTableSchema>;

/** A line that declared one of a device's ids. @public */
export const AcpiIdSourceSchema = Type.Object(
  {
    /** The id as decoded (`IFX0102`). */
    id: Type.String(),
    /** The object that gives it: a hardware id or a compatible id. */
    object: Type.Union([Type.Literal("_HID"), Type.Literal("_CID")]),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type AcpiIdSource = Static<typeof AcpiIdSourceSchema>;

/**
 * One device of the ACPI namespace. From the live sysroot (`/sys/bus/acpi/devices/*`) the ids
 * are the ones the firmware returned at boot; from a decoded DSDT/SSDT a `_HID` method is not
 * run, so `hid` is `null` and `hidCandidates` lists every id it can return (a ThinkPad T410's
 * TPM: one of eight vendors, or `PNP0C31`).
 *
 * @public
 */
export const AcpiDeviceSchema = Type.Object(
  {
    /** Namespace path, segments without their `_` padding (`\_SB.PCI0.LPC.TPM`). */
    path: Type.String({ minLength: 1 }),
    /** The fixed hardware id (`PNP0C0D`); `null` when there is none, or it is computed at run time. */
    hid: Nullable(Type.String()),
    /** Every id `_HID` can take: the fixed one, or each value a `_HID` method returns or stores. */
    hidCandidates: Type.Array(Type.String()),
    /** Compatible ids (`_CID`), in order. */
    cids: Type.Array(Type.String()),
    /** Unique id (`_UID`); integers in decimal, as the kernel prints them. */
    uid: Nullable(Type.String()),
    /** `_STA` as evaluated at boot (bit 0 present, bit 1 enabled); only the live sysroot shows it. */
    status: Nullable(Type.Integer({ minimum: 0 })),
    /** The lines (or sysfs files) each id was read from. */
    idSources: Type.Array(AcpiIdSourceSchema),
    /** The `Device (…)` block, or the device's sysfs folder. */
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type AcpiDevice = Static<typeof AcpiDeviceSchema>;

/**
 * Whether a sleep state is declared. `supported` is `true` when its `\_Sx` package is in the
 * namespace, `false` when the whole namespace was read without finding it, `null` when the
 * evidence cannot tell. `conditional` is true when the package is declared inside `If` (the
 * firmware decides at load time, e.g. `If (SS3) { Name (_S3, …) }` on the Aspire 5750).
 *
 * @public
 */
export const SleepStateSchema = Type.Object(
  {
    supported: Nullable(Type.Boolean()),
    conditional: Type.Boolean(),
    at: Nullable(SourceRefSchema),
  },
  { additionalProperties: false },
);
/** @public */
export type SleepState = Static<typeof SleepStateSchema>;

/**
 * System sleep states from the namespace (`\_S0`…`\_S5`, ACPI spec §7.4.2) and the FADT's
 * `LOW_POWER_S0_IDLE` flag (S0ix, "modern standby"). On a live system, which of them Linux
 * offers is in the power section (`/sys/power/state`, `/sys/power/mem_sleep`).
 *
 * @public
 */
export const SleepStatesSchema = Type.Object(
  {
    s0: SleepStateSchema,
    s1: SleepStateSchema,
    s2: SleepStateSchema,
    s3: SleepStateSchema,
    s4: SleepStateSchema,
    s5: SleepStateSchema,
    lowPowerS0Idle: SleepStateSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type SleepStates = Static<typeof SleepStatesSchema>;

/**
 * The FADT's fixed-feature buttons. `true` = the button is a fixed-feature button (FADT flag
 * PWR_BUTTON / SLP_BUTTON clear), which Linux shows as device `LNXPWRBN` / `LNXSLPBN` rather
 * than a `PNP0C0C` / `PNP0C0E` control-method device.
 *
 * @public
 */
export const FixedFeatureButtonsSchema = Type.Object(
  {
    power: Type.Boolean(),
    sleep: Type.Boolean(),
    /** The FADT flags the answer was read from. */
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type FixedFeatureButtons = Static<typeof FixedFeatureButtonsSchema>;

/**
 * How much of something the evidence shows: `complete` is false when part of it may be missing
 * (a dump cut short, a table list without its total), so that a name not found there proves
 * nothing.
 *
 * @public
 */
export const AcpiCoverageSchema = Type.Object(
  {
    complete: Type.Boolean(),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type AcpiCoverage = Static<typeof AcpiCoverageSchema>;

/**
 * The ACPI section of the inventory: tables, namespace devices, sleep states, fixed-feature
 * buttons. Each part is `null` when the evidence has none of it.
 *
 * @public
 */
export const AcpiSchema = Type.Object(
  {
    tables: Nullable(Type.Array(AcpiTableSchema)),
    /** Where the list of tables was read and whether it is whole (no DMAR in a whole list = VT-d off). */
    tableList: Nullable(AcpiCoverageSchema),
    devices: Nullable(Type.Array(AcpiDeviceSchema)),
    /** Where the devices were read and whether the namespace was read whole. */
    namespace: Nullable(AcpiCoverageSchema),
    sleepStates: Nullable(SleepStatesSchema),
    fixedFeatureButtons: Nullable(FixedFeatureButtonsSchema),
  },
  { additionalProperties: false },
);
/** @public */
export type Acpi = Static<typeof AcpiSchema>;
