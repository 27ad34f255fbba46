import { existsSync, readFileSync } from "node:fs";
import { expect } from "chai";
import { IdsIndex } from "../../../../../core/inventory/ids/ids-index.js";
import { loadPciIds, parsePciIds } from "../../../../../core/inventory/ids/pci-ids.js";
import { readIdsFile } from "../../../../../core/inventory/ids/read-ids-file.js";

/** A cut of pci.ids in its own syntax (vendor, tab device, two-tab subsystem, C class). */
const SNIPPET = [
  "# comment",
  "1180  Ricoh Co Ltd",
  "\te822  MMC/SD Host Controller",
  "\t\t17aa 2133  ThinkPad T410",
  "8086  Intel Corporation",
  "# a comment inside a vendor",
  "\t3b07  QM57 Chipset LPC Interface Controller",
  "\t4239  Centrino Advanced-N 6200",
  "\t\t8086 1311  Centrino Advanced-N 6200 2x2 AGN",
  "ffff  Illegal Vendor ID",
  "",
  "C 08  Generic system peripheral",
  "\t05  SD Host controller",
  "C 0c  Serial bus controller",
  "\t03  USB controller",
  "\t\t20  EHCI",
  "\t\t30  XHCI",
  "C ff  Unassigned class",
  "",
].join("\n");

describe("pci.ids lookups", () => {
  const ids = parsePciIds(SNIPPET);

  it("names vendors, devices and subsystems, in any case of hex", () => {
    expect(ids.vendor("8086")).to.equal("Intel Corporation");
    expect(ids.device("8086", "3B07")).to.equal("QM57 Chipset LPC Interface Controller");
    expect(ids.subsystem("1180", "e822", "17aa", "2133")).to.equal("ThinkPad T410");
    expect(ids.subsystem("8086", "4239", "8086", "1311")).to.equal(
      "Centrino Advanced-N 6200 2x2 AGN",
    );
  });

  it("answers null for what the database does not list", () => {
    expect(ids.vendor("10ec")).to.equal(null);
    expect(ids.device("8086", "0d57")).to.equal(null);
    expect(ids.subsystem("1180", "e822", "17aa", "9999")).to.equal(null);
    expect(ids.className("0d00")).to.equal(null);
  });

  it("falls back to the device's name when the subsystem IDs are the device's own, as lspci does", () => {
    expect(ids.subsystem("8086", "3b07", "8086", "3b07")).to.equal(
      "QM57 Chipset LPC Interface Controller",
    );
  });

  it("names classes as lspci does: subclass, else base class; and programming interfaces", () => {
    expect(ids.className("0805")).to.equal("SD Host controller");
    expect(ids.className("ff00")).to.equal("Unassigned class");
    expect(ids.className("0c03")).to.equal("USB controller");
    expect(ids.progIfName("0c03", "30")).to.equal("XHCI");
    expect(ids.progIfName("0c03", "10")).to.equal(null);
  });

  it("keeps a vendor's block apart from the comments and sections after it", () => {
    expect(ids.device("ffff", "0000")).to.equal(null);
    expect(ids.vendor("ffff")).to.equal("Illegal Vendor ID");
  });

  it("reads CRLF files and ignores lines without a name", () => {
    const crlf = parsePciIds("8086  Intel Corporation\r\n\t3b07  QM57\r\n\t3b08\r\n");
    expect(crlf.vendor("8086")).to.equal("Intel Corporation");
    expect(crlf.device("8086", "3b07")).to.equal("QM57");
    expect(crlf.device("8086", "3b08")).to.equal(null);
  });

  it("gives null names, not an error, when there is no database", () => {
    const none = loadPciIds("/nonexistent/pci.ids");
    expect(none.available).to.equal(false);
    expect(none.vendor("8086")).to.equal(null);
    expect(none.className("0c03")).to.equal(null);
  });

  const system = ["/usr/share/misc/pci.ids", "/usr/share/hwdata/pci.ids"].find((f) =>
    existsSync(f),
  );

  it("reads the system's pci.ids in well under 100 ms and keeps it for the process", function () {
    if (system === undefined) this.skip();
    const text = readFileSync(system, "utf8");
    const start = performance.now();
    const index = new IdsIndex(text);
    const intel = index.vendor("8086");
    index.device("8086", "3b07");
    const elapsed = performance.now() - start;
    expect(intel).to.equal("Intel Corporation");
    expect(index.vendorCount).to.be.greaterThan(1000);
    expect(elapsed).to.be.below(100);
    expect(readIdsFile("pci.ids", system)).to.equal(readIdsFile("pci.ids", system));
    expect(loadPciIds().available).to.equal(true);
    expect(loadPciIds().vendor("1180")).to.equal("Ricoh Co Ltd");
  });
});
