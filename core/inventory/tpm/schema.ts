import Type, { type Static } from "typebox";
import { Nullable, SourceRefSchema } from "../common.js";

/**
 * The TPM's manufacturer from the `caps` attribute: the 32-bit TCG vendor ID in hex
 * (`49465800`) and its four ASCII characters without NUL and space padding (`IFX`; `STM`,
 * `ATML`, `BRCM`, `NTC`, `INTC`…). `vendor` is `null` when the ID is not ASCII.
 *
 * @public
 */
export const TpmManufacturerSchema = Type.Object(
  {
    id: Type.String({ pattern: "^[0-9a-f]{8}$" }),
    vendor: Nullable(Type.String()),
  },
  { additionalProperties: false },
);
/** @public */
export type TpmManufacturer = Static<typeof TpmManufacturerSchema>;

/**
 * What a TPM 1.2 `caps` attribute says (drivers/char/tpm/tpm-sysfs.c `caps_show`).
 *
 * @public
 */
export const TpmCapsSchema = Type.Object(
  {
    manufacturer: Nullable(TpmManufacturerSchema),
    /** `1.2`. */
    tcgVersion: Nullable(Type.String()),
    /** `6.40`. */
    firmwareVersion: Nullable(Type.String()),
  },
  { additionalProperties: false },
);
/** @public */
export type TpmCaps = Static<typeof TpmCapsSchema>;

/**
 * PCR values by bank and index: `sha256` → `7` → lower-case hex digest. A TPM 1.2's `pcrs`
 * attribute is its one SHA-1 bank (TPM 1.2 PCRs are 20-byte SHA-1 values), listed as `sha1`.
 *
 * @public
 */
export const TpmPcrsSchema = Type.Record(
  Type.String(),
  Type.Record(Type.String({ pattern: "^\\d+$" }), Type.String({ pattern: "^[0-9a-f]+$" })),
);
/** @public */
export type TpmPcrs = Static<typeof TpmPcrsSchema>;

/**
 * One TPM character device of `/sys/class/tpm` (`/sys/class/misc` on kernels before ~4.0), as
 * the kernel describes it (Documentation/ABI/stable/sysfs-class-tpm). TPM 1.2 attributes
 * (`caps`, `enabled`, `active`, `owned`, `temp_deactivated`, `pcrs`) are read in the device's
 * folder or its `device/` folder, where older kernels put them; a TPM 2.0 has none of them and
 * shows `tpm_version_major` and per-bank `pcr-<bank>/<n>` files (5.12+) instead. Any field the
 * sysfs tree does not show is `null`.
 *
 * @public
 */
export const TpmDeviceSchema = Type.Object(
  {
    /** `tpm0`. */
    name: Type.String(),
    /** `tpm_version_major` (5.5+); 1 when only TPM 1.2 attributes exist; 2 when only PCR banks do. */
    versionMajor: Nullable(Type.Integer({ minimum: 1 })),
    manufacturer: Nullable(TpmManufacturerSchema),
    tcgVersion: Nullable(Type.String()),
    firmwareVersion: Nullable(Type.String()),
    enabled: Nullable(Type.Boolean()),
    active: Nullable(Type.Boolean()),
    owned: Nullable(Type.Boolean()),
    /** `temp_deactivated`. */
    temporarilyDeactivated: Nullable(Type.Boolean()),
    /** Hash banks with PCRs shown (`sha1`, `sha256`…). */
    pcrBanks: Nullable(Type.Array(Type.String())),
    pcrs: Nullable(TpmPcrsSchema),
    /** Driver bound to the TPM's device (`tpm_tis`, `tpm_crb`, `tpm_infineon`). */
    driver: Nullable(Type.String()),
    /** PNP or ACPI IDs of the TPM's device as the firmware reported them at run time (`IFX0102`, `PNP0C31`, `MSFT0101`). */
    hardwareIds: Nullable(Type.Array(Type.String())),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type TpmDevice = Static<typeof TpmDeviceSchema>;
