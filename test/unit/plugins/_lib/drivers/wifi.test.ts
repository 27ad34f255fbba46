import { expect } from "chai";
import type { Inventory } from "../../../../../core/inventory/inventory.js";
import { wifiDriver } from "../../../../../plugins/_lib/drivers/wifi.js";
import { CALPELLA_WLAN } from "../../../../../plugins/intel-calpella/devices.js";
import { devices, evidenceOf, inventoryWith, machine, probe, value } from "../../probe-helpers.js";

const calpella = wifiDriver({ modules: CALPELLA_WLAN });

describe("wifiDriver", () => {
  it("finds the PCI WLAN adapter and names the platform's module (T410 2522W5D: Centrino Advanced-N 6200)", async () => {
    const [wifi, ...rest] = await devices(calpella, await machine("lenovo-thinkpad-t410-2522w5d"));
    expect(rest).to.deep.equal([]);
    expect(wifi?.driver).to.equal("iwlwifi");
    expect(value(wifi!, "module")).to.equal("Intel Centrino Advanced-N 6200");
  });

  it("counts a module the platform's table does not list (T410 2537PW4: a later Wireless 7260)", async () => {
    const [wifi, ...rest] = await devices(calpella, await machine("lenovo-thinkpad-t410-2537pw4"));
    expect(rest).to.deep.equal([]);
    expect(wifi?.deviceId).to.equal("08b1");
    expect(value(wifi!, "module")).to.equal(null);
    expect(evidenceOf(wifi!, "module")).to.contain("not one of the WLAN modules");
  });

  it("finds non-Intel adapters by class 0280 (Aspire: Atheros AR9287; Presario: Ralink RT5390)", async () => {
    const driver = wifiDriver();
    expect(
      (await devices(driver, await machine("acer-aspire-5750"))).map((d) => d.driver),
    ).to.deep.equal(["ath9k"]);
    expect(
      (await devices(driver, await machine("hp-presario-cq57"))).map((d) => d.driver),
    ).to.deep.equal(["rt2800pci"]);
  });

  it("finds a USB adapter by its WLAN driver, and a wireless interface once", async () => {
    const aspire = await machine("acer-aspire-5750");
    const withUsb: Inventory = {
      ...aspire,
      usb: [
        {
          bus: 1,
          deviceNumber: 3,
          portPath: "1-1.2",
          vendorId: "148f",
          productId: "5370",
          vendorName: "Ralink",
          productName: "RT5370",
          deviceClass: "00",
          interfaceClasses: ["ff"],
          drivers: ["rt2800usb"],
          bcdDevice: "1.01",
          speed: 480,
          isRootHub: false,
          at: { file: "logs/lsusb", line: 7 },
        },
      ],
      net: [
        {
          name: "wlan0",
          virtual: false,
          wireless: true,
          driver: "ath9k",
          pciAddress: "0000:03:00.0",
          usbPath: null,
          phy: "phy0",
          devicePath: null,
          at: { file: "/sys/class/net/wlan0" },
        },
        {
          name: "wlan1",
          virtual: false,
          wireless: true,
          driver: "rt2800usb",
          pciAddress: null,
          usbPath: "1-1.2",
          phy: "phy1",
          devicePath: null,
          at: { file: "/sys/class/net/wlan1" },
        },
      ],
    };
    const found = await devices(wifiDriver(), withUsb);
    expect(found.map((d) => d.bus)).to.deep.equal(["pci", "usb"]);
  });

  it("cannot tell from an empty inventory", async () => {
    expect(await probe(wifiDriver(), inventoryWith({}))).to.equal(null);
  });
});
