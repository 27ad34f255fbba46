import { IdsIndex } from "./ids-index.js";
import { readIdsFile } from "./read-ids-file.js";

/**
 * Names of USB vendors, products and classes from usb.ids. Every lookup answers `null` when the
 * database does not know the ID (or there is no database).
 *
 * @public
 */
export interface UsbIds {
  /** Whether a database was read; `false` means every name is `null`. */
  readonly available: boolean;
  /** `8087` → `Intel Corp.`. */
  vendor(vendorId: string): string | null;
  /** `8087`, `0020` → `Integrated Rate Matching Hub`. */
  device(vendorId: string, productId: string): string | null;
  /** A device or interface class (`09` → `Hub`, `08` → `Mass Storage`, `e0` → `Wireless`). */
  className(classId: string): string | null;
}

/** Lookups over the text of a usb.ids file. @public */
export function parseUsbIds(text: string): UsbIds {
  return usbIds(new IdsIndex(text));
}

/**
 * The system's usb.ids (`/usr/share/misc/usb.ids`, `/usr/share/hwdata/usb.ids`,
 * `/var/lib/usbutils/usb.ids`, or `file`), read once per process on first use; lookups answer
 * `null` when there is none.
 *
 * @public
 */
export function loadUsbIds(file?: string): UsbIds {
  let index: IdsIndex | null | undefined;
  const get = (): IdsIndex | null => (index ??= readIdsFile("usb.ids", file));
  return {
    get available() {
      return get() !== null;
    },
    vendor: (v) => get()?.vendor(v) ?? null,
    device: (v, p) => get()?.device(v, p) ?? null,
    className: (c) => get()?.classEntry(c) ?? null,
  };
}

function usbIds(index: IdsIndex): UsbIds {
  return {
    available: true,
    vendor: (v) => index.vendor(v),
    device: (v, p) => index.device(v, p),
    className: (c) => index.classEntry(c),
  };
}
