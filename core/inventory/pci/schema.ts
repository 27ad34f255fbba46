import Type, { type Static } from "typebox";
import { Nullable, SourceRefSchema } from "../common.js";

const Hex4 = Type.String({ pattern: "^[0-9a-f]{4}$" });
const Hex2 = Type.String({ pattern: "^[0-9a-f]{2}$" });

/**
 * One PCI function as sysfs, lspci or hwinfo shows it. IDs are lower-case hex without `0x`.
 *
 * Driver tri-state: `driverKnown: true` with `driver: null` means the evidence shows that no
 * driver is bound (a memory-stick function the kernel has no driver for); `driverKnown: false`
 * means the evidence cannot tell (an lspci dump taken without kernel information, a record cut
 * off by a truncated dump).
 *
 * @public
 */
export const PciFunctionSchema = Type.Object(
  {
    /** Domain:bus:device.function, the domain always written: `0000:00:1f.0`. */
    address: Type.String({ pattern: "^[0-9a-f]{4,8}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]$" }),
    /** Base class and subclass, `0805` (SD host), `0c03` (USB), `0280` (network, other). */
    classId: Hex4,
    /** Programming interface (`30` = xHCI under `0c03`); `null` when the evidence does not show it. */
    progIf: Nullable(Hex2),
    /** The class's name (`SD Host controller`), from the dump or pci.ids. */
    className: Nullable(Type.String()),
    vendorId: Hex4,
    deviceId: Hex4,
    vendorName: Nullable(Type.String()),
    /**
     * The device's name. When a dump joins vendor and device names and the vendor's part cannot
     * be told apart, this is the whole description and `vendorName` is `null`.
     */
    deviceName: Nullable(Type.String()),
    /** Subsystem (board vendor's) IDs; `null` when the function has none (IDs 0000 or ffff). */
    subsystemVendorId: Nullable(Hex4),
    subsystemDeviceId: Nullable(Hex4),
    subsystemName: Nullable(Type.String()),
    /** Revision ID, `06`. */
    revision: Nullable(Hex2),
    /** Kernel driver bound to the function (`sdhci-pci`, `serial`); see {@link PciFunctionSchema}. */
    driver: Nullable(Type.String()),
    /** Whether the evidence tells which driver is bound (`driver: null` then means none). */
    driverKnown: Type.Boolean(),
    /**
     * Kernel modules able to drive the function (lspci's `Kernel modules`) or driving it
     * (hwinfo's `Driver Modules`); `null` when the evidence does not list modules.
     */
    modules: Nullable(Type.Array(Type.String())),
    /** IOMMU group number; `null` when no group is shown (IOMMU off, or not shown by the tool). */
    iommuGroup: Nullable(Type.Integer({ minimum: 0 })),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type PciFunction = Static<typeof PciFunctionSchema>;
