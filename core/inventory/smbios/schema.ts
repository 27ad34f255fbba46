import Type, { type Static } from "typebox";
import { Nullable, SourceRefSchema } from "../common.js";
import {
  DellStringsSchema,
  IntelAmtSchema,
  IntelAsfSchema,
  IntelVproSchema,
  LenovoTpmInfoSchema,
} from "./oem-schema.js";

const Handle = Type.Integer({ minimum: 0, maximum: 0xffff });
const Text = Nullable(Type.String());
const Count = Nullable(Type.Integer({ minimum: 0 }));

/**
 * One SMBIOS structure as the evidence shows it. From dmidecode's text: the `Handle` line, the
 * title, every `Key: value` line (a key followed by tab-tab items holds the items as an array),
 * and for OEM or unknown types the `Header and Data` bytes and the `Strings`. From the binary
 * table: the formatted area as `data`, the string set as `strings` (bytes outside printable ASCII
 * shown as `.`, as dmidecode shows them), and `fields` decoded for the types the inventory uses,
 * with dmidecode's keys and wording. Serial numbers, asset tags and UUIDs are masked (`--`, the
 * UUID's bytes zeroed) as hw-probe masks them.
 *
 * @public
 */
export const SmbiosStructureSchema = Type.Object(
  {
    /** `null` only when the dump lost the `Handle` line and the type came from the title. */
    handle: Nullable(Handle),
    type: Type.Integer({ minimum: 0, maximum: 255 }),
    /** Length of the formatted area in bytes (header included). */
    length: Nullable(Type.Integer({ minimum: 0, maximum: 255 })),
    /** dmidecode's title (`System Information`, `OEM-specific Type`). */
    name: Text,
    /**
     * Values as printed. Keys after a second title inside one structure (type 40's
     * `Additional Information 2`) are prefixed with it: `Additional Information 2 / Value`.
     */
    fields: Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())])),
    /** Formatted area as lower-case hex (`83404c00…`); `null` when the evidence does not show it. */
    data: Nullable(Type.String({ pattern: "^([0-9a-f]{2})*$" })),
    /** The string set, in order (string 1 first); `null` when the evidence does not show it. */
    strings: Nullable(Type.Array(Type.String())),
    /** Text evidence only: the line of each key, and of `Header and Data` and `Strings`. */
    lines: Type.Optional(Type.Record(Type.String(), Type.Integer({ minimum: 1 }))),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type SmbiosStructure = Static<typeof SmbiosStructureSchema>;

/**
 * What the machine says it is: types 1 (system), 0 (BIOS), 2 (base board) and 3 (chassis), or
 * the same values from `/sys/class/dmi/id`. Strings are trimmed; a string the firmware left out
 * (dmidecode's `Not Specified`) or left blank is `null`. Serial numbers are never read.
 *
 * @public
 */
export const SystemIdentitySchema = Type.Object(
  {
    system: Nullable(
      Type.Object(
        {
          vendor: Text,
          product: Text,
          version: Text,
          sku: Text,
          family: Text,
          at: SourceRefSchema,
        },
        { additionalProperties: false },
      ),
    ),
    bios: Nullable(
      Type.Object(
        { vendor: Text, version: Text, date: Text, at: SourceRefSchema },
        { additionalProperties: false },
      ),
    ),
    baseboard: Nullable(
      Type.Object(
        { vendor: Text, product: Text, version: Text, at: SourceRefSchema },
        { additionalProperties: false },
      ),
    ),
    chassis: Nullable(
      Type.Object(
        {
          /** DSP0134 §7.4.1 name (`Notebook`, `Laptop`, `Portable`). */
          type: Text,
          /** The code, bits 6:0 of type 3 offset 05h. */
          typeCode: Nullable(Type.Integer({ minimum: 0, maximum: 127 })),
          at: SourceRefSchema,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
/** @public */
export type SystemIdentity = Static<typeof SystemIdentitySchema>;

/** A processor socket (type 4). @public */
export const SmbiosProcessorSchema = Type.Object(
  {
    handle: Nullable(Handle),
    socket: Text,
    manufacturer: Text,
    /** The brand string (`Intel(R) Core(TM) i5 CPU M 520 @ 2.40GHz`), as the firmware wrote it. */
    version: Text,
    maxSpeedMHz: Count,
    cores: Count,
    coresEnabled: Count,
    threads: Count,
    /** DSP0134 §7.5.9 names (`64-bit capable`, `Multi-Core`…); `[]` when the firmware sets none. */
    characteristics: Nullable(Type.Array(Type.String())),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type SmbiosProcessor = Static<typeof SmbiosProcessorSchema>;

/** A memory slot (type 17). @public */
export const SmbiosMemoryDeviceSchema = Type.Object(
  {
    handle: Nullable(Handle),
    locator: Text,
    bankLocator: Text,
    /** `false` for `No Module Installed`; `null` when the size is unknown. */
    installed: Nullable(Type.Boolean()),
    sizeMiB: Count,
    /** DSP0134 §7.18.2 name (`DDR3`). */
    type: Text,
    /** Speed in MT/s (dmidecode before 3.3 printed the same number as MHz). */
    speedMTs: Count,
    manufacturer: Text,
    partNumber: Text,
    /** The printed values the numbers came from. */
    raw: Type.Object({ size: Text, speed: Text }, { additionalProperties: false }),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type SmbiosMemoryDevice = Static<typeof SmbiosMemoryDeviceSchema>;

/** A port connector (type 8): designators are the firmware's words (`eSATA 1`). @public */
export const SmbiosPortConnectorSchema = Type.Object(
  {
    handle: Nullable(Handle),
    internalDesignator: Text,
    internalType: Text,
    externalDesignator: Text,
    externalType: Text,
    /** DSP0134 §7.9.3 name (`SATA`, `USB`, `Video Port`). */
    portType: Text,
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type SmbiosPortConnector = Static<typeof SmbiosPortConnectorSchema>;

/** A portable battery (type 22). @public */
export const SmbiosBatterySchema = Type.Object(
  {
    handle: Nullable(Handle),
    location: Text,
    manufacturer: Text,
    name: Text,
    /** `SBDS Chemistry` string when the firmware gives one (`LION`), else the §7.23.1 name. */
    chemistry: Text,
    designCapacityMWh: Count,
    designVoltageMV: Count,
    raw: Type.Object(
      { designCapacity: Text, designVoltage: Text },
      { additionalProperties: false },
    ),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type SmbiosBattery = Static<typeof SmbiosBatterySchema>;

/** A TPM device (type 43, SMBIOS 3.1+). @public */
export const SmbiosTpmDeviceSchema = Type.Object(
  {
    handle: Nullable(Handle),
    /** TCG vendor ID as ASCII (`IFX`, `NTC`, `INTC`). */
    vendorId: Text,
    /** `major.minor` of the TPM specification (`2.0`, `1.2`). */
    specVersion: Text,
    firmwareRevision: Text,
    description: Text,
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type SmbiosTpmDevice = Static<typeof SmbiosTpmDeviceSchema>;

/**
 * The SMBIOS (DMI) tables of a machine. `structures` holds every structure read; the other lists
 * are views that drivers use, each element with its `at` and raw values. A list is `null` when
 * the evidence cannot tell: no table was read, or the table was cut short (`complete: false`) and
 * no such structure was found before the cut. `[]` means the complete table has none. Likewise a
 * part of `identity` is `null` when its structure is absent, or not reached in a table cut short.
 *
 * @public
 */
export const SmbiosSchema = Type.Object(
  {
    /** SMBIOS version of the entry point (`2.6`, `3.2.0`). */
    version: Text,
    /** True when the table was read to its end (End Of Table, or the announced count or length). */
    complete: Type.Boolean(),
    structures: Nullable(Type.Array(SmbiosStructureSchema)),
    identity: Nullable(SystemIdentitySchema),
    processors: Nullable(Type.Array(SmbiosProcessorSchema)),
    memoryDevices: Nullable(Type.Array(SmbiosMemoryDeviceSchema)),
    portConnectors: Nullable(Type.Array(SmbiosPortConnectorSchema)),
    batteries: Nullable(Type.Array(SmbiosBatterySchema)),
    tpmDevices: Nullable(Type.Array(SmbiosTpmDeviceSchema)),
    intelAsf: Nullable(Type.Array(IntelAsfSchema)),
    intelAmt: Nullable(Type.Array(IntelAmtSchema)),
    intelVpro: Nullable(Type.Array(IntelVproSchema)),
    lenovoTpmInfo: Nullable(Type.Array(LenovoTpmInfoSchema)),
    dellStrings: Nullable(Type.Array(DellStringsSchema)),
    /** The evidence read: `logs/dmidecode`, `/sys/firmware/dmi/tables/DMI`, `/sys/class/dmi/id`. */
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type Smbios = Static<typeof SmbiosSchema>;
