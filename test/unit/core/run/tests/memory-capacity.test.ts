import { existsSync, readFileSync } from "node:fs";
import { expect } from "chai";
import { buildInventory } from "../../../../../core/inventory/build-inventory.js";
import { emptyInventory, type Inventory } from "../../../../../core/inventory/inventory.js";
import { parseMeminfo } from "../../../../../core/inventory/memory/parse-meminfo.js";
import { installedMemory, memoryCapacity } from "../../../../../core/run/tests/memory-capacity.js";
import { corpusSource } from "../../../../helpers/corpus.js";
import { expectRejection, testContext } from "./sysroot.js";

const inventories = new Map<string, Inventory>();
function machine(name: string): Inventory {
  let inventory = inventories.get(name);
  if (inventory === undefined)
    inventories.set(name, (inventory = buildInventory(corpusSource(name))));
  return inventory;
}

describe("memory.capacity", () => {
  it("sums the SMBIOS modules of a recorded laptop and cites their lines", async () => {
    const context = testContext("/nonexistent", {
      inventory: machine("lenovo-thinkpad-t410-2522w5d"),
    });
    const result = await memoryCapacity.run(context);
    expect(result.measurements).to.deep.equal([
      { name: "availableForGuestMiB", value: 3840, unit: "MiB" },
    ]);
    expect(result.problems).to.deep.equal([]);
    const fact = result.facts?.["memory.installedMiB"];
    expect(fact?.value).to.equal(4096);
    expect(fact?.evidence.map((e) => [e.source, e.line, e.endLine])).to.deep.equal([
      ["logs/dmidecode", 391, 409],
      ["logs/dmidecode", 411, 429],
    ]);
    expect(fact?.evidence[0]?.text).to.equal("DIMM 1: 2 GB DDR3");
    expect(result.notes?.[0]).to.equal(
      "4096 MiB installed (2 SMBIOS modules) − 256 MiB hypervisor overhead = 3840 MiB for a guest needing 2048 MiB",
    );
  });

  it("counts installed modules only, and fails when the guest would not fit", async () => {
    // ThinkPad T420 4180PBG: one 4 GiB module, the other slot empty.
    const inventory = machine("lenovo-thinkpad-t420-4180pbg");
    expect(installedMemory(inventory)?.mib).to.equal(4096);
    const result = await memoryCapacity.run(
      testContext("/nonexistent", { inventory, params: { guestMiB: 4096, overheadMiB: 512 } }),
    );
    expect(result.measurements[0]?.value).to.equal(3584);
    expect(result.problems).to.deep.equal([
      "3584 MiB is left for the guest after the hypervisor's 512 MiB, below the 4096 MiB it needs (4096 MiB installed)",
    ]);
  });

  it("passes exactly at the limit", async () => {
    const result = await memoryCapacity.run(
      testContext("/", {
        inventory: machine("lenovo-thinkpad-t420-4180pbg"),
        params: { guestMiB: 3840 },
      }),
    );
    expect(result.problems).to.deep.equal([]);
  });

  it("falls back to MemTotal when the SMBIOS slots cannot tell, and says so", async function () {
    if (!existsSync("/proc/meminfo")) this.skip();
    const memory = parseMeminfo(readFileSync("/proc/meminfo", "utf8"), "/proc/meminfo").value;
    const recorded = machine("hp-elitebook-8440p");
    const smbios = recorded.smbios;
    if (smbios === null || smbios.memoryDevices === null)
      return expect.fail("8440p has SMBIOS slots");
    const oneUnknown = smbios.memoryDevices.map((m, i) =>
      i === 0 ? { ...m, installed: null, sizeMiB: null } : m,
    );
    const inventory: Inventory = {
      ...recorded,
      memory,
      smbios: { ...smbios, memoryDevices: oneUnknown },
    };
    const result = await memoryCapacity.run(testContext("/", { inventory }));
    const mib = Math.floor((memory?.totalKiB ?? 0) / 1024);
    expect(result.facts?.["memory.installedMiB"]?.value).to.equal(mib);
    expect(result.facts?.["memory.installedMiB"]?.evidence[0]).to.include({
      source: "/proc/meminfo",
    });
    expect(result.facts?.["memory.installedMiB"]?.evidence[0]?.note).to.match(
      /1 SMBIOS memory slots have no known size/,
    );
    expect(result.measurements[0]?.value).to.equal(mib - 256);
  });

  it("is an error when the evidence has no memory information", async () => {
    await expectRejection(
      memoryCapacity.run(testContext("/", { inventory: emptyInventory("empty-dump") })),
      /the evidence \(empty-dump\) lacks memory information/,
    );
  });
});
