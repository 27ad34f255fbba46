import { expect } from "chai";
import type { Inventory } from "../../../../../core/inventory/inventory.js";
import { virtualizationDriver } from "../../../../../plugins/_lib/drivers/virtualization.js";
import { evidenceOf, inventoryWith, machine, only, probe, value } from "../../probe-helpers.js";

const driver = virtualizationDriver();

function withKernel(inventory: Inventory, version: string): Inventory {
  return { ...inventory, kernel: { release: null, version, at: { file: "logs/hwinfo", line: 1 } } };
}

describe("virtualizationDriver", () => {
  it("trap: TXT enabled hides vmx on kernels 5.6+, so VT-x is not usable though SMBIOS 131 says enabled (T410 2522W5D, 5.13)", async () => {
    const virt = await only(driver, await machine("lenovo-thinkpad-t410-2522w5d"));
    expect([value(virt, "vtxCapable"), value(virt, "vtxEnabled")]).to.deep.equal([true, false]);
    expect(evidenceOf(virt, "vtxEnabled"))
      .to.contain("feat_ctl.c")
      .and.to.contain("kernel 5.13")
      .and.to.contain("TXT enabled");
  });

  it("reads vmx on a 5.6+ kernel as usable, on an older one as capable only", async () => {
    const t410 = await machine("lenovo-thinkpad-t410-2522w5d");
    const withVmx: Inventory = {
      ...t410,
      cpu: { ...t410.cpu!, flags: [...t410.cpu!.flags!, "vmx"] },
      smbios: { ...t410.smbios!, intelVpro: [] },
    };
    expect(value(await only(driver, withKernel(withVmx, "5.13")), "vtxEnabled")).to.equal(true);
    const old = await only(driver, withKernel(withVmx, "4.9"));
    expect([value(old, "vtxCapable"), value(old, "vtxEnabled")]).to.deep.equal([true, null]);
    expect(evidenceOf(old, "vtxEnabled")).to.contain("before 5.6");
  });

  it("trap: VT-d off in the BIOS leaves no DMAR table, and a whole table list proves it (T410 2537PW4)", async () => {
    const virt = await only(driver, await machine("lenovo-thinkpad-t410-2537pw4"));
    expect(value(virt, "vtd")).to.equal(false);
    expect(evidenceOf(virt, "vtd")).to.contain("no DMAR");
    expect([value(virt, "vtxCapable"), value(virt, "vtxEnabled")]).to.deep.equal([true, false]);
  });

  it("trusts a missing DMAR only when the table list is complete", async () => {
    const t410 = await machine("lenovo-thinkpad-t410-2537pw4");
    const cut: Inventory = {
      ...t410,
      acpi: { ...t410.acpi!, tableList: { ...t410.acpi!.tableList!, complete: false } },
    };
    const virt = await only(driver, cut);
    expect(value(virt, "vtd")).to.equal(null);
    expect(evidenceOf(virt, "vtd")).to.contain("not complete");
  });

  it("reads an active IOMMU from lspci's IOMMU groups without an ACPI dump (Latitude E6400)", async () => {
    const virt = await only(driver, await machine("dell-latitude-e6400"));
    expect(value(virt, "vtd")).to.equal(true);
    expect(evidenceOf(virt, "vtd")).to.contain("IOMMU group");
  });

  it("leaves VT-x usability unknown for vmx on an old kernel without SMBIOS 131 (G570, 3.14)", async () => {
    const virt = await only(driver, await machine("lenovo-g570"));
    expect([value(virt, "vtxCapable"), value(virt, "vtxEnabled")]).to.deep.equal([true, null]);
  });

  it("says no VT-x on AMD: AMD-V is not VT-x (Presario CQ57)", async () => {
    const virt = await only(driver, await machine("hp-presario-cq57"));
    expect([
      value(virt, "vtxCapable"),
      value(virt, "vtxEnabled"),
      value(virt, "vtd"),
    ]).to.deep.equal([false, false, false]);
  });

  it("cannot tell from an empty inventory", async () => {
    expect(await probe(driver, inventoryWith({}))).to.equal(null);
  });
});
