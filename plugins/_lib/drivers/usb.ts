import type { Driver } from "../../../core/plugin/api.js";
import { pciDevice } from "../facts/device.js";
import { cite } from "../facts/evidence.js";
import { known, unknown } from "../facts/fact.js";
import { describePci } from "../read/pci.js";

/** Options of {@link usbDriver}. */
export interface UsbDriverOptions {
  readonly id?: string;
  readonly title?: string;
}

/** USB host controller kinds by PCI programming interface under class 0c03 (include/linux/pci_ids.h). */
const KIND_BY_PROG_IF: Readonly<Record<string, string>> = {
  "00": "uhci",
  "10": "ohci",
  "20": "ehci",
  "30": "xhci",
};
/** Class 0c03 prog-if fe is a USB device, not a host controller (pci.ids). */
const USB_DEVICE_PROG_IF = "fe";

/** The USB driver: one device per PCI USB host controller (class 0c03), of kind UHCI/OHCI/EHCI/xHCI. */
export function usbDriver(options: UsbDriverOptions = {}): Driver {
  return {
    id: options.id ?? "usb",
    class: "usb",
    title: options.title ?? "USB host controllers from PCI class 0c03",
    probe: ({ inventory }) => {
      if (inventory.pci === null) return null;
      return inventory.pci
        .filter((fn) => fn.classId === "0c03" && fn.progIf !== USB_DEVICE_PROG_IF)
        .map((fn) => {
          const kind = fn.progIf === null ? undefined : KIND_BY_PROG_IF[fn.progIf];
          const at = cite(fn.at, describePci(fn), `class 0c03 prog-if ${fn.progIf ?? "?"}`);
          return pciDevice("usb", fn, {
            kind:
              kind === undefined
                ? unknown("the programming interface is not one of UHCI/OHCI/EHCI/xHCI", at)
                : known(kind, at),
          });
        });
    },
  };
}
