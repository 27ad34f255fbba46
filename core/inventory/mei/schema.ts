import Type, { type Static } from "typebox";
import { Nullable, SourceRefSchema } from "../common.js";

/**
 * One Intel Management Engine Interface of `/sys/class/mei` (`/sys/class/misc/mei` on kernels
 * 3.5–3.9), as Documentation/ABI/testing/sysfs-class-mei describes it. The interface alone is not
 * vPro: consumer chipsets expose it too.
 *
 * @public
 */
export const MeiDeviceSchema = Type.Object(
  {
    /** `mei0`. */
    name: Type.String(),
    /**
     * `fw_ver` lines, `<platform>:<major>.<minor>.<hotfix>.<build>` (`0:6.0.40.1205`), as the
     * kernel prints them. The kernel asks the firmware only on PCH7 (Cougar Point) and newer and
     * prints `0:0.0.0.0` before that (drivers/misc/mei/hw-me.c `MEI_CFG_FW_VER_SUPP`); kept as is.
     */
    fwVersions: Nullable(Type.Array(Type.String())),
    /** `fw_status`: the host firmware status registers HFSTS1… (PCI config 0x40, 0x48, 0x60…), hex. */
    fwStatus: Nullable(Type.Array(Type.String({ pattern: "^[0-9a-f]{8}$" }))),
    /** `dev_state`: `ENABLED`, `RESETTING`, `POWER_DOWN`… */
    devState: Nullable(Type.String()),
    /** `kind`: `mei`, or `itouch` for the touch controller's interface. */
    kind: Nullable(Type.String()),
    /** `hbm_ver`: the host–firmware bus protocol version, `2.0`. */
    hbmVersion: Nullable(Type.String()),
    /** The PCI function of the interface (`0000:00:16.0`), from its `device` link. */
    pciAddress: Nullable(Type.String()),
    /** Driver bound to that function (`mei_me`, `mei`). */
    driver: Nullable(Type.String()),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type MeiDevice = Static<typeof MeiDeviceSchema>;
