import Type, { type Static } from "typebox";
import { Nullable, SourceRefSchema } from "../common.js";

const Hex4 = Type.String({ pattern: "^[0-9a-f]{4}$" });
const Hex2 = Type.String({ pattern: "^[0-9a-f]{2}$" });

/**
 * One USB device (not interface) as sysfs, lsusb or hwinfo shows it. IDs and class codes are
 * lower-case hex without `0x`. Fields a source does not give are `null`: plain `lsusb` has no
 * classes, drivers or speed; hwinfo has no device numbers.
 *
 * @public
 */
export const UsbDeviceSchema = Type.Object(
  {
    /** Bus number (`usb1` → 1). */
    bus: Nullable(Type.Integer({ minimum: 0 })),
    /** Device number on the bus; the root hub is 1. */
    deviceNumber: Nullable(Type.Integer({ minimum: 0 })),
    /** The device's sysfs name: `usb1` for a root hub, `1-1.2` behind ports 1 and 2. */
    portPath: Nullable(Type.String()),
    vendorId: Hex4,
    productId: Hex4,
    vendorName: Nullable(Type.String()),
    productName: Nullable(Type.String()),
    /** bDeviceClass: `09` hub, `e0` wireless controller, `00` = defined per interface. */
    deviceClass: Nullable(Hex2),
    /** bInterfaceClass of each interface, in order, without repeats (`08` mass storage). */
    interfaceClasses: Nullable(Type.Array(Hex2)),
    /** Drivers bound to its interfaces (`hub`, `usb-storage`, `btusb`), without repeats. */
    drivers: Nullable(Type.Array(Type.String())),
    /** bcdDevice as lsusb prints it: `5.13` (a root hub's is its kernel's version). */
    bcdDevice: Nullable(Type.String({ pattern: "^[0-9a-f]{1,2}\\.[0-9a-f]{2}$" })),
    /** Signalling speed in Mbit/s: 1.5, 12, 480, 5000, 10000… */
    speed: Nullable(Type.Number({ minimum: 0 })),
    /** The host controller's root hub (Linux Foundation `1d6b:0001`–`0003`, device 1). */
    isRootHub: Type.Boolean(),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type UsbDevice = Static<typeof UsbDeviceSchema>;
