import Type, { type Static } from "typebox";
import { Nullable, SourceRefSchema } from "../common.js";
import { CpuSchema } from "../cpu/schema.js";
import { PciFunctionSchema } from "../pci/schema.js";
import { UsbDeviceSchema } from "../usb/schema.js";

/**
 * A network interface as hwinfo lists it (`65: None 00.0: 1070a WLAN` … `Device File: wlan0`).
 *
 * @public
 */
export const HwinfoNetworkSchema = Type.Object(
  {
    /** The interface name (`wlan0`, `enp0s25`), hwinfo's `Device File`. */
    name: Type.String({ minLength: 1 }),
    /** hwinfo's class name of the interface: `WLAN`, `Ethernet`, `Loopback`. */
    kind: Nullable(Type.String()),
    /** Driver of the device behind the interface (`iwlwifi`). */
    driver: Nullable(Type.String()),
    /** hwinfo's `Hardware Class` (`network interface`). */
    hardwareClass: Nullable(Type.String()),
    /** The sysfs device behind the interface (`/devices/pci0000:00/0000:00:1c.1/0000:03:00.0`). */
    device: Nullable(Type.String()),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type HwinfoNetwork = Static<typeof HwinfoNetworkSchema>;

/**
 * What a hwinfo dump (hw-probe's `logs/hwinfo`) tells about PCI, USB, the CPU and network
 * interfaces. A list is `null` when the dump has no entry of its kind at all (hwinfo was not
 * asked to probe it): every machine has PCI functions, USB root hubs, a CPU and a loopback
 * interface, so none of these is ever truly empty.
 *
 * @public
 */
export const HwinfoSchema = Type.Object(
  {
    pci: Nullable(Type.Array(PciFunctionSchema)),
    usb: Nullable(Type.Array(UsbDeviceSchema)),
    cpu: Nullable(CpuSchema),
    network: Nullable(Type.Array(HwinfoNetworkSchema)),
  },
  { additionalProperties: false },
);
/** @public */
export type Hwinfo = Static<typeof HwinfoSchema>;
