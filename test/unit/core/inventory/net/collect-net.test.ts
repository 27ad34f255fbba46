import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { expect } from "chai";
import fc from "fast-check";
import { DirectoryFs } from "../../../../../core/evidence/evidence-fs.js";
import { MemoryFs } from "../../../../../core/evidence/memory-fs.js";
import { collectNet } from "../../../../../core/inventory/net/collect-net.js";
import { expectWellFormed } from "../../../../helpers/diagnostics.js";
import { testSource } from "../../../../helpers/evidence-source.js";
import { anyText, RUNS } from "../../../../helpers/mutations.js";

function tool(argv: [string, ...string[]]): string | null {
  try {
    return execFileSync(argv[0], argv.slice(1), {
      encoding: "utf8",
      maxBuffer: 64 << 20,
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return null;
  }
}

/** A laptop's /sys/class/net as the kernel lays it out (cfg80211 adds phy80211 and DEVTYPE=wlan). */
function laptop(): MemoryFs {
  const wifi = "/sys/devices/pci0000:00/0000:00:1c.1/0000:03:00.0";
  const lan = "/sys/devices/pci0000:00/0000:00:19.0";
  const usb = "/sys/devices/pci0000:00/0000:00:1d.0/usb2/2-1/2-1.4/2-1.4:1.0";
  return new MemoryFs(
    {
      "/sys/class/net/wlan0": {
        link: "../../devices/pci0000:00/0000:00:1c.1/0000:03:00.0/net/wlan0",
      },
      [`${wifi}/net/wlan0/device`]: { link: "../../../0000:03:00.0" },
      [`${wifi}/net/wlan0/phy80211`]: { link: "../../ieee80211/phy0" },
      [`${wifi}/net/wlan0/uevent`]: "DEVTYPE=wlan\nINTERFACE=wlan0\nIFINDEX=3\n",
      [`${wifi}/driver`]: { link: "../../../../bus/pci/drivers/iwlwifi" },
      "/sys/class/net/eth0": { link: "../../devices/pci0000:00/0000:00:19.0/net/eth0" },
      [`${lan}/net/eth0/device`]: { link: "../../../0000:00:19.0" },
      [`${lan}/net/eth0/uevent`]: "INTERFACE=eth0\nIFINDEX=2\n",
      [`${lan}/driver`]: { link: "../../../bus/pci/drivers/e1000e" },
      "/sys/class/net/usb0": {
        link: "../../devices/pci0000:00/0000:00:1d.0/usb2/2-1/2-1.4/2-1.4:1.0/net/usb0",
      },
      [`${usb}/net/usb0/device`]: { link: "../../../2-1.4:1.0" },
      [`${usb}/net/usb0/uevent`]: "INTERFACE=usb0\nIFINDEX=4\n",
      [`${usb}/driver`]: { link: "../../../../../../../bus/usb/drivers/cdc_ether" },
      "/sys/class/net/lo": { link: "../../devices/virtual/net/lo" },
      "/sys/devices/virtual/net/lo/uevent": "INTERFACE=lo\nIFINDEX=1\n",
    },
    [`${wifi}/net/wlan0/wireless`],
  );
}

describe("collectNet", () => {
  it("reads each interface: wireless or not, driver, PCI function or USB port, phy; loopback is virtual", () => {
    const { value, diagnostics } = collectNet(testSource(laptop()));
    expect(diagnostics).to.deep.equal([]);
    const byName = new Map(value?.map((i) => [i.name, i]));
    expect(byName.get("wlan0")).to.deep.include({
      virtual: false,
      wireless: true,
      driver: "iwlwifi",
      pciAddress: "0000:03:00.0",
      usbPath: null,
      phy: "phy0",
      at: { file: "/sys/class/net/wlan0" },
    });
    expect(byName.get("eth0")).to.deep.include({
      wireless: false,
      driver: "e1000e",
      pciAddress: "0000:00:19.0",
      phy: null,
    });
    expect(byName.get("usb0")).to.deep.include({
      wireless: false,
      driver: "cdc_ether",
      pciAddress: null,
      usbPath: "2-1.4",
    });
    expect(byName.get("lo")).to.deep.include({
      virtual: true,
      wireless: false,
      driver: null,
      pciAddress: null,
    });
  });

  it("leaves what an unreadable interface folder hides unknown", () => {
    const fs = laptop();
    fs.addDir("/sys/class/net", "wlan1");
    const wlan1 = collectNet(testSource(fs)).value?.find((i) => i.name === "wlan1");
    expect(wlan1).to.deep.include({ virtual: null, wireless: null, driver: null });
  });

  it("falls back on the udev database's net records, and knows nothing without either", () => {
    const db = [
      "P: /devices/pci0000:00/0000:00:1c.1/0000:03:00.0/net/wlp3s0",
      "U: net",
      "T: wlan",
      "E: INTERFACE=wlp3s0",
      "E: ID_NET_DRIVER=iwlwifi",
      "",
      "P: /devices/virtual/net/lo",
      "E: SUBSYSTEM=net",
      "E: INTERFACE=lo",
      "",
      "",
    ].join("\n");
    const { value } = collectNet(testSource(null, { "udev-db": db }));
    expect(value).to.deep.equal([
      {
        name: "wlp3s0",
        virtual: false,
        wireless: true,
        driver: "iwlwifi",
        pciAddress: "0000:03:00.0",
        usbPath: null,
        phy: null,
        devicePath: "/sys/devices/pci0000:00/0000:00:1c.1/0000:03:00.0/net/wlp3s0",
        at: { file: "logs/udev-db", line: 1, endLine: 5 },
      },
      {
        name: "lo",
        virtual: true,
        wireless: false,
        driver: null,
        pciAddress: null,
        usbPath: null,
        phy: null,
        devicePath: "/sys/devices/virtual/net/lo",
        at: { file: "logs/udev-db", line: 7, endLine: 9 },
      },
    ]);
    expect(collectNet(testSource(null)).value).to.equal(null);
  });

  it("reads this machine alike from sysfs and from udevadm's database, on PCI functions lspci lists", function () {
    const db = tool(["udevadm", "info", "--export-db"]);
    if (db === null || !existsSync("/sys/class/net")) this.skip();
    const live = collectNet(testSource(new DirectoryFs("/"))).value ?? [];
    const recorded = collectNet(testSource(null, { "udev-db": db })).value ?? [];
    const summary = (list: typeof live) =>
      list.map((i) => [i.name, i.virtual, i.pciAddress, i.usbPath, i.devicePath]).sort();
    expect(summary(recorded)).to.deep.equal(summary(live));
    const lspci = tool(["lspci", "-D"]);
    for (const i of live)
      if (lspci !== null && i.pciAddress !== null) expect(lspci).to.contain(i.pciAddress);
  });

  it("never throws whatever a uevent holds", () => {
    fc.assert(
      fc.property(anyText(), (text) => {
        const fs = laptop();
        fs.set("/sys/devices/pci0000:00/0000:00:19.0/net/eth0/uevent", text);
        const { value, diagnostics } = collectNet(testSource(fs));
        expect(value).to.have.length(4);
        expectWellFormed(diagnostics, "/sys/");
      }),
      RUNS,
    );
  });
});
