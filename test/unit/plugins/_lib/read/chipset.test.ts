import { expect } from "chai";
import type { Inventory } from "../../../../../core/inventory/inventory.js";
import { findChipset } from "../../../../../plugins/_lib/read/chipset.js";
import { CALPELLA_CHIPSETS } from "../../../../../plugins/intel-calpella/chipset.js";
import { inventoryWith, machine } from "../../probe-helpers.js";

describe("findChipset", () => {
  it("finds the LPC bridge among the PCI functions", async () => {
    const found = findChipset(await machine("lenovo-thinkpad-t410-2522w5d"), CALPELLA_CHIPSETS);
    expect(found?.id).to.equal("8086:3b07");
    expect(found?.info?.name).to.equal("QM57");
    expect(found?.evidence.source).to.equal("logs/lspci_all");
  });

  it("names a chipset the table does not know, with no entry", async () => {
    const found = findChipset(await machine("lenovo-thinkpad-t420-4180pbg"), CALPELLA_CHIPSETS);
    expect([found?.id, found?.info]).to.deep.equal(["8086:1c4f", null]);
  });

  it("falls back on SMBIOS 131's PCH field without a PCI list", async () => {
    const t410: Inventory = { ...(await machine("lenovo-thinkpad-t410-2537pw4")), pci: null };
    const found = findChipset(t410, CALPELLA_CHIPSETS);
    expect(found?.id).to.equal("8086:3b07");
    expect(found?.evidence.source).to.equal("logs/dmidecode");
  });

  it("finds nothing in an empty inventory", () => {
    expect(findChipset(inventoryWith({}), CALPELLA_CHIPSETS)).to.equal(null);
  });
});
