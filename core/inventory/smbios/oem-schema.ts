import Type, { type Static } from "typebox";
import { Nullable, SourceRefSchema } from "../common.js";

const Handle = Type.Integer({ minimum: 0, maximum: 0xffff });
const Data = Type.String({
  pattern: "^([0-9a-f]{2})*$",
  description: "the structure's formatted area (header included) as lower-case hex",
});
const NullableBool = Nullable(Type.Boolean());
const NullableU32 = Nullable(Type.Integer({ minimum: 0, maximum: 0xffffffff }));

/**
 * A PCI function named by an Intel vPro record (`PCH_CAP`, `NETWORK_DEV` in Intel's reference
 * BIOS `MeSmbios.h`): function bits 2:0, device bits 7:3, bus bits 15:8, device ID bits 31:16.
 *
 * @public
 */
export const VproPciDeviceSchema = Type.Object(
  {
    bus: Type.Integer({ minimum: 0, maximum: 255 }),
    device: Type.Integer({ minimum: 0, maximum: 31 }),
    function: Type.Integer({ minimum: 0, maximum: 7 }),
    /** Four lower-case hex digits; `ffff` (or `00ff`) is how the BIOS says "not found". */
    deviceId: Type.String({ pattern: "^[0-9a-f]{4}$" }),
  },
  { additionalProperties: false },
);
/** @public */
export type VproPciDevice = Static<typeof VproPciDeviceSchema>;

/** An Intel ASF structure (OEM type 129, strings `Intel_ASF`, `Intel_ASF_001`). @public */
export const IntelAsfSchema = Type.Object(
  { handle: Nullable(Handle), strings: Type.Array(Type.String()), at: SourceRefSchema },
  { additionalProperties: false },
);
/** @public */
export type IntelAsf = Static<typeof IntelAsfSchema>;

/**
 * An Intel `$AMT` structure (OEM type 130, `MISC_OEM_TYPE_0x82`). Each flag is its byte read as
 * a boolean (non-zero = true), `null` when the record is too short to hold it. Raw values are
 * kept: consumer boards carry an all-ones template, so these bytes alone prove nothing.
 *
 * @public
 */
export const IntelAmtSchema = Type.Object(
  {
    handle: Nullable(Handle),
    /** Offset 08h `AmtSupported`. */
    supported: NullableBool,
    /** Offset 09h `AmtEnabled`. */
    enabled: NullableBool,
    /** Offset 0Ah `SrouEnabled` (IDE redirection). */
    ideR: NullableBool,
    /** Offset 0Bh `SolEnabled` (serial over LAN). */
    sol: NullableBool,
    /** Offset 0Ch `NetworkEnabled`. */
    network: NullableBool,
    /** Offset 12h `KvmEnabled`. */
    kvm: NullableBool,
    /** Offset 0Dh `ExtendedData` (0xA5 in Intel's template). */
    extendedData: Nullable(Type.Integer({ minimum: 0, maximum: 255 })),
    /** Offsets 0Eh–11h `OemCapabilities1..4`. */
    oemCapabilities: Nullable(Type.Array(Type.Integer({ minimum: 0, maximum: 255 }))),
    data: Data,
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type IntelAmt = Static<typeof IntelAmtSchema>;

/**
 * An Intel vPro structure (OEM type 131 whose bytes 38h–3Bh are ASCII `vPro`,
 * `MISC_OEM_TYPE_0x83`). `cpuCapabilities` is the `CPU_CAP` double word at 04h; the booleans
 * are its bits. Everything else is the raw value at its documented offset: older BIOSes fill
 * some fields differently (a GM45 Latitude E6400 has its host bridge where `MebxVersion` is).
 *
 * @public
 */
export const IntelVproSchema = Type.Object(
  {
    handle: Nullable(Handle),
    cpuCapabilities: NullableU32,
    /** CPU_CAP bit 0, VMX state. */
    vmx: NullableBool,
    /** CPU_CAP bit 1, SMX state. */
    smx: NullableBool,
    /** CPU_CAP bit 2, LT/TXT capability. */
    txtCapable: NullableBool,
    /** CPU_CAP bit 3, LT/TXT enabled. */
    txtEnabled: NullableBool,
    /** CPU_CAP bit 4, VT-x capability. */
    vtxCapable: NullableBool,
    /** CPU_CAP bit 5, VT-x enabled. */
    vtxEnabled: NullableBool,
    /** `MEBX_VER` at 08h as `major.minor.hotfix.build`. */
    mebxVersion: Nullable(Type.String()),
    /** `PCH_CAP` at 10h: the PCH's LPC bridge. */
    pch: Nullable(VproPciDeviceSchema),
    /** First double word of `ME_CAP` at 18h (capability bits). */
    meCapabilities: NullableU32,
    /** `ME_CAP` version words at 1Ch as `major.minor.hotfix.build`. */
    meFirmwareVersion: Nullable(Type.String()),
    /** `MeFwConfigured` (`MEFWCAPS_SKU`) at 24h. */
    meFwConfigured: NullableU32,
    /** `NETWORK_DEV` at 28h: the wired LAN function. */
    networkDevice: Nullable(VproPciDeviceSchema),
    /** `BIOS_CAP` at 34h, raw (the bit layout changed between BIOS generations). */
    biosCapabilities: NullableU32,
    data: Data,
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type IntelVpro = Static<typeof IntelVproSchema>;

/**
 * A Lenovo "TPM INFO" structure (OEM type 134 on ThinkPads): the TPM vendor as four ASCII bytes
 * at offset 05h (`53 54 4D 20` = `STM`), trimmed; `null` when those bytes are not printable.
 *
 * @public
 */
export const LenovoTpmInfoSchema = Type.Object(
  {
    handle: Nullable(Handle),
    vendor: Nullable(Type.String()),
    strings: Type.Array(Type.String()),
    data: Data,
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type LenovoTpmInfo = Static<typeof LenovoTpmInfoSchema>;

/**
 * The strings of an OEM structure (type 128–255) on a Dell machine, such as type 219's bay
 * descriptions (`System eSATA Bay`). Strings are kept as printed, trailing blanks included.
 *
 * @public
 */
export const DellStringsSchema = Type.Object(
  {
    handle: Nullable(Handle),
    type: Type.Integer({ minimum: 128, maximum: 255 }),
    strings: Type.Array(Type.String()),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type DellStrings = Static<typeof DellStringsSchema>;
