import { expect } from "chai";
import fc from "fast-check";
import { parseUsbIds } from "../../../../../core/inventory/ids/usb-ids.js";
import { kernelVersionFromRootHubs } from "../../../../../core/inventory/usb/kernel-version.js";
import { parseLsusb } from "../../../../../core/inventory/usb/parse-lsusb.js";
import { UsbDeviceSchema } from "../../../../../core/inventory/usb/schema.js";
import { expectValid, expectWellFormed } from "../../../../helpers/diagnostics.js";
import { anyText, mutatedText, RUNS } from "../../../../helpers/mutations.js";
import { LSUSB_PLAIN, LSUSB_VERBOSE } from "./lsusb-samples.js";

const FILE = "logs/lsusb";
const IDS = parseUsbIds(
  ["0bda  Realtek Semiconductor Corp.", "1d6b  Linux Foundation", "8087  Intel Corp.", ""].join(
    "\n",
  ),
);

describe("parseLsusb", () => {
  it("reads plain lsusb: bus, device number, IDs, names split at the vendor, root hubs", () => {
    const { value, diagnostics } = parseLsusb(LSUSB_PLAIN, FILE, IDS);
    expect(diagnostics).to.deep.equal([]);
    expect(value).to.have.length(5);
    const reader = value?.find((d) => d.productId === "0139");
    expect(reader).to.deep.include({
      bus: 1,
      deviceNumber: 3,
      vendorId: "0bda",
      vendorName: "Realtek Semiconductor Corp.",
      productName: "RTS5139 Card Reader Controller",
      deviceClass: null,
      interfaceClasses: null,
      drivers: null,
      bcdDevice: null,
      isRootHub: false,
      at: { file: FILE, line: 4 },
    });
    expect(value?.filter((d) => d.isRootHub).map((d) => d.bus)).to.deep.equal([2, 1]);
    // Chicony is not in this database: the whole description stays the product's name.
    expect(value?.find((d) => d.vendorId === "04f2")).to.include({
      vendorName: null,
      productName: "Chicony Electronics Co., Ltd Lenovo EasyCamera",
    });
  });

  it("reads lsusb -v descriptors: classes in hex, bcdDevice, names from idVendor/idProduct", () => {
    const { value, diagnostics } = parseLsusb(LSUSB_VERBOSE, FILE);
    expect(diagnostics).to.deep.equal([]);
    const [hub, reader] = value ?? [];
    expect(hub).to.deep.include({
      deviceClass: "09",
      interfaceClasses: ["09"],
      bcdDevice: "3.14",
      vendorName: "Linux Foundation",
      productName: "2.0 root hub",
      isRootHub: true,
      at: { file: FILE, line: 2, endLine: 54 },
    });
    expect(reader).to.deep.include({
      deviceClass: "ff",
      interfaceClasses: ["ff"],
      bcdDevice: "39.60",
      vendorName: "Realtek Semiconductor Corp.",
      productName: "RTS5139 Card Reader Controller",
    });
    expect(kernelVersionFromRootHubs(value ?? [])).to.deep.include({ version: "3.14" });
  });

  it("reports lines before the first device, repeated devices and a cut-off last line", () => {
    const text =
      "junk\nmore junk\nBus 001 Device 001: ID 1d6b:0002 Linux Foundation 2.0 root hub\nBus 001 Device 001: ID 1d6b:0002 again\nBus 1 Device: nonsense\nBus 001 Device 002: ID 8087:00";
    const { value, diagnostics } = parseLsusb(text, FILE);
    expect(value?.map((d) => d.productId)).to.deep.equal(["0002"]);
    expect(diagnostics.map((d) => [d.code, d.line])).to.deep.equal([
      ["HCL_E_EVIDENCE_MALFORMED", 1],
      ["HCL_E_EVIDENCE_MALFORMED", 4],
      ["HCL_E_EVIDENCE_MALFORMED", 5],
      ["HCL_E_EVIDENCE_MALFORMED", 6],
      ["HCL_E_EVIDENCE_TRUNCATED", 6],
    ]);
  });

  it("reads pathological 300 kB lines in linear time", () => {
    for (const text of [
      "Bus 001 Device 001: ID 1d6b:0002 " + " ".repeat(300000) + "x",
      "Bus 001 Device 001: ID 1d6b:0002\n" + " ".repeat(300000) + "bInterfaceClass",
      "Bus ".repeat(100000),
    ]) {
      const start = performance.now();
      parseLsusb(text, FILE);
      expect(performance.now() - start, text.slice(0, 30)).to.be.below(200);
    }
  });

  it("never throws on mutated listings or random text, and keeps its output well-formed", () => {
    fc.assert(
      fc.property(fc.oneof(mutatedText([LSUSB_PLAIN, LSUSB_VERBOSE]), anyText()), (text) => {
        const parsed = parseLsusb(text, FILE, IDS);
        expectWellFormed(parsed.diagnostics, FILE, text.split("\n").length);
        for (const device of parsed.value ?? []) expectValid(UsbDeviceSchema, device);
      }),
      RUNS,
    );
  });
});
