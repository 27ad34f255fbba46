import { existsSync } from "node:fs";
import { expect } from "chai";
import { loadUsbIds, parseUsbIds } from "../../../../../core/inventory/ids/usb-ids.js";

/** A cut of usb.ids in its own syntax, with a section of another kind after the classes. */
const SNIPPET = [
  "0bda  Realtek Semiconductor Corp.",
  "\t0139  RTS5139 Card Reader Controller",
  "1d6b  Linux Foundation",
  "\t0002  2.0 root hub",
  "\t0003  3.0 root hub",
  "8087  Intel Corp.",
  "\t0020  Integrated Rate Matching Hub",
  "\t\t00  an interface line",
  "C 08  Mass Storage",
  "\t06  SCSI",
  "\t\t50  Bulk-Only",
  "C 09  Hub",
  "C e0  Wireless",
  "AT 0100  USB Undefined",
  "HID 21  HID",
  "L 0001  Arabic",
  "\t01  Saudi Arabia",
  "",
].join("\n");

describe("usb.ids lookups", () => {
  const ids = parseUsbIds(SNIPPET);

  it("names vendors, products and classes", () => {
    expect(ids.vendor("1D6B")).to.equal("Linux Foundation");
    expect(ids.device("8087", "0020")).to.equal("Integrated Rate Matching Hub");
    expect(ids.device("0bda", "0139")).to.equal("RTS5139 Card Reader Controller");
    expect(ids.className("08")).to.equal("Mass Storage");
    expect(ids.className("e0")).to.equal("Wireless");
  });

  it("does not take the other sections' entries for vendors or classes", () => {
    expect(ids.vendor("0100")).to.equal(null);
    expect(ids.className("21")).to.equal(null);
    expect(ids.device("8087", "0001")).to.equal(null);
  });

  it("reads the system's usb.ids when there is one", function () {
    const found = [
      "/usr/share/misc/usb.ids",
      "/usr/share/hwdata/usb.ids",
      "/var/lib/usbutils/usb.ids",
    ].some((f) => existsSync(f));
    if (!found) this.skip();
    const system = loadUsbIds();
    expect(system.available).to.equal(true);
    expect(system.vendor("1d6b")).to.equal("Linux Foundation");
    expect(system.className("09")).to.equal("Hub");
  });

  it("gives null names when there is no database", () => {
    const none = loadUsbIds("/nonexistent/usb.ids");
    expect(none.available).to.equal(false);
    expect(none.vendor("1d6b")).to.equal(null);
  });
});
