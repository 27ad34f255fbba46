import type { Device, Driver, Fact } from "../../../core/plugin/api.js";
import type { PciFunction, UsbDevice } from "../../../core/inventory/inventory.js";
import { cite } from "../facts/evidence.js";
import { otherDevice, pciDevice, usbDevice } from "../facts/device.js";
import { known, unknown, type Facts } from "../facts/fact.js";
import { WLAN_DRIVERS, WLAN_PCI_CLASS } from "../ids/wifi.js";
import { describePci, describeUsb, pciId, usbId } from "../read/pci.js";

/** A WLAN module the platform's machines were built with. */
export interface WlanModuleInfo {
  /** Marketing name (`Intel Centrino Advanced-N 6200`). */
  readonly name: string;
  /** Where it is documented. */
  readonly source: string;
}

/** Options of {@link wifiDriver}. */
export interface WifiDriverOptions {
  readonly id?: string;
  readonly title?: string;
  /** The platform's WLAN modules by `vendor:device`, named on the devices found. */
  readonly modules?: Readonly<Record<string, WlanModuleInfo>>;
}

/**
 * The WiFi driver: one device per adapter — every PCI function of class 0280 (network controller,
 * "other"), every PCI function or USB device bound to a WLAN driver, and every wireless network
 * interface (`/sys/class/net/*` with `wireless/` or `phy80211`) not already counted. Unknown when
 * neither the PCI list nor the network interfaces are in the evidence, or when the PCI list shows
 * none and USB devices are not in it (the adapter may be on USB).
 */
export function wifiDriver(options: WifiDriverOptions = {}): Driver {
  const modules = options.modules ?? {};
  return {
    id: options.id ?? "wifi",
    class: "wifi",
    title: options.title ?? "WiFi adapters from PCI class, WLAN drivers and wireless interfaces",
    probe: ({ inventory }) => {
      if (inventory.pci === null && inventory.net === null) return null;
      const devices: Device[] = [];
      const seenPci = new Set<string>();
      for (const fn of inventory.pci ?? []) {
        const bound = [fn.driver, ...(fn.modules ?? [])].find(
          (d): d is string => d !== null && WLAN_DRIVERS.has(d),
        );
        if (fn.classId !== WLAN_PCI_CLASS && bound === undefined) continue;
        seenPci.add(fn.address);
        devices.push(pciWifi(fn, modules, bound));
      }
      const seenUsb = new Set<string>();
      for (const dev of inventory.usb ?? []) {
        const bound = dev.drivers?.find((d) => WLAN_DRIVERS.has(d));
        if (bound === undefined) continue;
        seenUsb.add(dev.portPath ?? usbId(dev));
        devices.push(usbWifi(dev, bound));
      }
      for (const net of inventory.net ?? []) {
        if (net.wireless !== true || net.virtual === true) continue;
        if (net.pciAddress !== null && seenPci.has(net.pciAddress)) continue;
        if (net.usbPath !== null && seenUsb.has(net.usbPath)) continue;
        const at = cite(
          net.at,
          `${net.name}: wireless, driver ${net.driver ?? "?"}`,
          "a wireless network interface",
        );
        devices.push(
          otherDevice(
            "wifi",
            `net-${net.name}`,
            net.usbPath !== null ? "usb" : net.pciAddress !== null ? "pci" : "net",
            net.name,
            { interface: known(net.name, at) },
            [at],
            net.driver,
          ),
        );
      }
      if (devices.length === 0 && inventory.usb === null && inventory.net === null) return null;
      return devices;
    },
  };
}

function pciWifi(
  fn: PciFunction,
  modules: Readonly<Record<string, WlanModuleInfo>>,
  bound: string | undefined,
): Device {
  const note =
    fn.classId === WLAN_PCI_CLASS
      ? "class 0280: a wireless network controller"
      : `bound to WLAN driver ${bound ?? "?"}`;
  const at = cite(fn.at, describePci(fn), note);
  const module = modules[pciId(fn)];
  const facts: Facts = {
    module:
      module === undefined
        ? unknown("not one of the WLAN modules in this plugin's table", at)
        : known(module.name, { ...at, note: `${module.name} (${module.source})` }),
  };
  return pciDevice("wifi", fn, facts, note);
}

function usbWifi(dev: UsbDevice, bound: string): Device {
  const note = `bound to WLAN driver ${bound}`;
  const module: Fact = unknown("a USB WLAN adapter", cite(dev.at, describeUsb(dev), note));
  return usbDevice("wifi", dev, { module }, note);
}
