import type { Device, Driver } from "../../../core/plugin/api.js";
import type { Inventory } from "../../../core/inventory/inventory.js";
import { pciDevice, usbDevice } from "../facts/device.js";
import { known } from "../facts/fact.js";
import {
  NOT_A_MEMORY_CARD_READER,
  PCI_CARD_READERS,
  USB_CARD_READERS,
  USB_CARD_READER_NAME,
  type CardReaderId,
} from "../ids/card-readers.js";
import { cite } from "../facts/evidence.js";
import { describePci, describeUsb, pciId, usbId } from "../read/pci.js";

/** Options of {@link cardReaderDriver}. */
export interface CardReaderDriverOptions {
  readonly id?: string;
  readonly title?: string;
  /** Readers the platform's machines carry, added to the documented ones (by `vendor:device`). */
  readonly pciReaders?: Readonly<Record<string, CardReaderId>>;
  readonly usbReaders?: Readonly<Record<string, CardReaderId>>;
}

/** PCI class 0805: SD host controller (pci.ids; sdhci-pci binds by class). */
const SD_HOST_CLASS = "0805";
/** USB interface class 08: mass storage, how card readers on USB enumerate. */
const MASS_STORAGE = "08";

/**
 * The card-reader driver: one device per memory-card host function, with or without a bound
 * driver — every PCI function of class 0805, every PCI function whose id is a documented reader
 * in another class (Ricoh e822 as 0880, memory-stick and xD functions, Realtek's ff00), and every
 * USB device that is a documented reader or a mass-storage device named as one. A chip with SD
 * and MS functions counts twice. The list is unknown only when the PCI list is missing, or it
 * shows no reader and the USB devices are not in the evidence (a reader may be on USB).
 */
export function cardReaderDriver(options: CardReaderDriverOptions = {}): Driver {
  const pciTable = { ...PCI_CARD_READERS, ...options.pciReaders };
  const usbTable = { ...USB_CARD_READERS, ...options.usbReaders };
  return {
    id: options.id ?? "card-reader",
    class: "card-reader",
    title: options.title ?? "Memory-card readers from PCI class codes and reader ids",
    probe: ({ inventory }) => {
      if (inventory.pci === null) return null;
      const devices = [...pciReaders(inventory, pciTable), ...usbReaders(inventory, usbTable)];
      if (devices.length === 0 && inventory.usb === null) return null;
      return devices;
    },
  };
}

function pciReaders(inventory: Inventory, table: Readonly<Record<string, CardReaderId>>): Device[] {
  const devices: Device[] = [];
  for (const fn of inventory.pci ?? []) {
    const entry = table[pciId(fn)];
    if (fn.classId !== SD_HOST_CLASS && entry === undefined) continue;
    if (entry === undefined && isEmbeddedHost(fn.deviceName)) continue;
    const why = entry?.note ?? "class 0805: an SD host controller";
    const unbound = fn.driverKnown && fn.driver === null ? "; no driver bound, still a reader" : "";
    const note = `${why}${unbound}`;
    const media = known(entry?.media ?? "sd", cite(fn.at, describePci(fn), note));
    devices.push(pciDevice("card-reader", fn, { media }, note));
  }
  return devices;
}

/**
 * An SD host for soldered eMMC rather than a card slot, as pci.ids names such functions ("Atom
 * Processor E3800 Series eMMC 4.5 Controller"). "SDIO" in a name does not tell: Bay Trail's card
 * slot and its WLAN bus are both named "SDIO Controller".
 */
function isEmbeddedHost(name: string | null): boolean {
  return name !== null && /\beMMC\b/i.test(name);
}

function usbReaders(inventory: Inventory, table: Readonly<Record<string, CardReaderId>>): Device[] {
  const devices: Device[] = [];
  for (const dev of inventory.usb ?? []) {
    if (dev.isRootHub) continue;
    const entry = table[usbId(dev)];
    const name = `${dev.vendorName ?? ""} ${dev.productName ?? ""}`;
    const named =
      dev.interfaceClasses?.includes(MASS_STORAGE) === true &&
      USB_CARD_READER_NAME.test(name) &&
      !NOT_A_MEMORY_CARD_READER.test(name);
    if (entry === undefined && !named) continue;
    const note = entry?.note ?? "USB mass-storage device named as a card reader (usb.ids)";
    const media = known(entry?.media ?? "multi", cite(dev.at, describeUsb(dev), note));
    devices.push(usbDevice("card-reader", dev, { media }, note));
  }
  return devices;
}
