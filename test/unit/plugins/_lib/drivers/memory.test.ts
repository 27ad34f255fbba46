import { expect } from "chai";
import type { Inventory } from "../../../../../core/inventory/inventory.js";
import { memoryDriver } from "../../../../../plugins/_lib/drivers/memory.js";
import { inventoryWith, machine, only, probe, value } from "../../probe-helpers.js";

const driver = memoryDriver();

describe("memoryDriver", () => {
  it("sums the installed SMBIOS type 17 modules, skipping empty slots (EliteBook 8540p: 2 of 4 slots)", async () => {
    const memory = await only(driver, await machine("hp-elitebook-8540p"));
    expect(value(memory, "totalMiB")).to.equal(8192);
    expect(value(memory, "usableMiB")).to.equal(null);
  });

  it("falls back on the kernel's MemTotal, which it also reports as usable", async () => {
    const inventory = inventoryWith({
      memory: { totalKiB: 3_947_716, at: { file: "/proc/meminfo", line: 1 } },
    });
    const memory = await only(driver, inventory);
    expect([value(memory, "totalMiB"), value(memory, "usableMiB")]).to.deep.equal([3855, 3855]);
  });

  it("keeps both when both are known", async () => {
    const t410: Inventory = {
      ...(await machine("lenovo-thinkpad-t410-2522w5d")),
      memory: { totalKiB: 3_947_716, at: { file: "/proc/meminfo" } },
    };
    const memory = await only(driver, t410);
    expect([value(memory, "totalMiB"), value(memory, "usableMiB")]).to.deep.equal([4096, 3855]);
  });

  it("cannot tell from an empty inventory", async () => {
    expect(await probe(driver, inventoryWith({}))).to.equal(null);
  });
});
