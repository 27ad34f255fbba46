import { expect } from "chai";
import { cpuFlags, cpuMaker } from "../../../../../plugins/_lib/read/cpu.js";
import { inventoryWith, machine } from "../../probe-helpers.js";

describe("cpu evidence", () => {
  it("tells the maker from the kernel's vendor_id or SMBIOS type 4", async () => {
    expect(cpuMaker(await machine("lenovo-thinkpad-t420-4180pbg")).maker).to.equal("intel");
    expect(cpuMaker(await machine("hp-presario-cq57")).maker).to.equal("amd");
    expect(cpuMaker(inventoryWith({})).maker).to.equal(null);
  });

  it("reads the flag list, or none", async () => {
    expect(cpuFlags(await machine("lenovo-thinkpad-t410-2522w5d"))?.has("smx")).to.equal(true);
    expect(cpuFlags(await machine("acer-aspire-5750"))).to.equal(null);
  });
});
