import { expect } from "chai";
import { cpuDriver } from "../../../../../plugins/_lib/drivers/cpu.js";
import { inventoryWith, machine, only, probe, value } from "../../probe-helpers.js";

const driver = cpuDriver();

describe("cpuDriver", () => {
  it("reads the kernel's view, with cores from SMBIOS type 4 when hwinfo has none (T410)", async () => {
    const cpu = await only(driver, await machine("lenovo-thinkpad-t410-2522w5d"));
    expect(value(cpu, "vendor")).to.equal("GenuineIntel");
    expect(value(cpu, "model")).to.equal("Intel(R) Core(TM) i5 CPU M 520 @ 2.40GHz");
    expect([value(cpu, "cores"), value(cpu, "threads")]).to.deep.equal([2, 4]);
  });

  it("names an AMD CPU from SMBIOS alone (Presario CQ57, no hwinfo)", async () => {
    const cpu = await only(driver, await machine("hp-presario-cq57"));
    expect(value(cpu, "vendor")).to.equal("AuthenticAMD");
    expect(value(cpu, "model")).to.equal("AMD E-300 APU with Radeon(tm) HD Graphics");
  });

  it("cannot tell from an empty inventory", async () => {
    expect(await probe(driver, inventoryWith({}))).to.equal(null);
  });
});
