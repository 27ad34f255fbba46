import { expect } from "chai";
import { MemoryFs, type MemoryEntry } from "../../../../../core/evidence/memory-fs.js";
import { parseUsbIds } from "../../../../../core/inventory/ids/usb-ids.js";
import { collectUsb } from "../../../../../core/inventory/usb/collect-usb.js";
import { kernelVersionFromRootHubs } from "../../../../../core/inventory/usb/kernel-version.js";
import { corpusText } from "../../../../helpers/corpus.js";
import { testSource } from "../../../../helpers/evidence-source.js";
import { LSUSB_PLAIN } from "./lsusb-samples.js";

const IDS = parseUsbIds(
  [
    "1d6b  Linux Foundation",
    "\t0002  2.0 root hub",
    "8087  Intel Corp.",
    "\t0024  Integrated Rate Matching Hub",
    "",
  ].join("\n"),
);

/**
 * A G570-like USB tree as sysfs shows it (Documentation/ABI/stable/sysfs-bus-usb): root hub
 * `usb1` with interface `1-0:1.0`, the rate-matching hub `1-1`, and the Realtek card reader
 * `1-1.4` whose interface `1-1.4:1.0` is vendor-specific and bound to rts5139.
 */
function g570Sysfs(): MemoryFs {
  const root = "/sys/devices/pci0000:00/0000:00:1a.0/usb1";
  const files: Record<string, MemoryEntry> = {};
  const device = (path: string, attrs: Record<string, string>): void => {
    const name = path.split("/").at(-1) ?? "";
    files[`/sys/bus/usb/devices/${name}`] = { link: `../../..${path.slice("/sys".length)}` };
    for (const [key, value] of Object.entries(attrs)) files[`${path}/${key}`] = `${value}\n`;
  };
  device(root, {
    busnum: "1",
    devnum: "1",
    idVendor: "1d6b",
    idProduct: "0002",
    bDeviceClass: "09",
    bcdDevice: "0314",
    speed: "480",
    manufacturer: "Linux 3.14.44 ehci_hcd",
    product: "EHCI Host Controller",
  });
  device(`${root}/1-0:1.0`, { bInterfaceClass: "09" });
  files[`${root}/1-0:1.0/driver`] = { link: "../../../../../bus/usb/drivers/hub" };
  device(`${root}/1-1`, {
    busnum: "1",
    devnum: "2",
    idVendor: "8087",
    idProduct: "0024",
    bDeviceClass: "09",
    bcdDevice: "0000",
    speed: "480",
  });
  device(`${root}/1-1/1-1:1.0`, { bInterfaceClass: "09" });
  files[`${root}/1-1/1-1:1.0/driver`] = { link: "../../../../../../bus/usb/drivers/hub" };
  device(`${root}/1-1/1-1.4`, {
    busnum: "1",
    devnum: "3",
    idVendor: "0bda",
    idProduct: "0139",
    bDeviceClass: "ff",
    bcdDevice: "3960",
    speed: "480",
    manufacturer: "Generic",
    product: "USB2.0-CRW",
  });
  device(`${root}/1-1/1-1.4/1-1.4:1.0`, {
    bInterfaceClass: "ff",
    uevent: "DEVTYPE=usb_interface\nDRIVER=rts5139",
  });
  return new MemoryFs(files);
}

describe("collectUsb", () => {
  it("reads devices and their interfaces from sysfs", () => {
    const { value, diagnostics } = collectUsb(testSource(g570Sysfs()), IDS);
    expect(diagnostics).to.deep.equal([]);
    expect(value?.map((d) => d.portPath)).to.deep.equal(["1-1", "1-1.4", "usb1"]);
    const [rmh, reader, root] = value ?? [];
    expect(root).to.deep.include({
      bus: 1,
      deviceNumber: 1,
      isRootHub: true,
      vendorName: "Linux Foundation",
      productName: "2.0 root hub",
      bcdDevice: "3.14",
      drivers: ["hub"],
      interfaceClasses: ["09"],
      at: { file: "/sys/bus/usb/devices/usb1" },
    });
    expect(rmh).to.include({
      isRootHub: false,
      bcdDevice: "0.00",
      productName: "Integrated Rate Matching Hub",
    });
    // Not in this usb.ids: the device's own strings name it; the driver comes from uevent.
    expect(reader).to.deep.include({
      vendorId: "0bda",
      productId: "0139",
      vendorName: "Generic",
      productName: "USB2.0-CRW",
      deviceClass: "ff",
      interfaceClasses: ["ff"],
      drivers: ["rts5139"],
      bcdDevice: "39.60",
      speed: 480,
    });
    expect(kernelVersionFromRootHubs(value ?? [])).to.deep.include({ version: "3.14" });
  });

  it("falls back to logs/lsusb, then to hwinfo, and answers null without evidence", () => {
    const fromLsusb = collectUsb(testSource(null, { lsusb: LSUSB_PLAIN, hwinfo: "" }), IDS);
    expect(fromLsusb.value).to.have.length(5);
    expect(fromLsusb.value?.[0]?.at.file).to.equal("logs/lsusb");
    const fromHwinfo = collectUsb(
      testSource(null, { hwinfo: corpusText("lenovo-g570", "hwinfo") }),
      IDS,
    );
    expect(fromHwinfo.value?.find((d) => d.vendorId === "0bda")).to.include({
      productId: "0139",
      portPath: "1-1.4",
    });
    expect(collectUsb(testSource(new MemoryFs({})), IDS)).to.deep.equal({
      value: null,
      diagnostics: [],
    });
  });

  it("takes an empty /sys/bus/usb/devices as no USB devices", () => {
    const empty = new MemoryFs({}, ["/sys/bus/usb/devices"]);
    expect(collectUsb(testSource(empty), IDS)).to.deep.equal({
      value: [],
      diagnostics: [],
    });
  });
});
