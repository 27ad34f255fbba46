import { expect } from "chai";
import { collectCpu } from "../../../../../core/inventory/cpu/collect-cpu.js";
import { collectDisplay } from "../../../../../core/inventory/display/collect-display.js";
import { collectMei } from "../../../../../core/inventory/mei/collect-mei.js";
import { collectMemory } from "../../../../../core/inventory/memory/collect-memory.js";
import { collectNet } from "../../../../../core/inventory/net/collect-net.js";
import { collectStorage } from "../../../../../core/inventory/storage/collect-storage.js";
import { collectTpm } from "../../../../../core/inventory/tpm/collect-tpm.js";
import { corpusSource, MACHINES } from "../../../../helpers/corpus.js";

describe("collectors on the recorded corpus", () => {
  it("say unknown, never none, where a snapshot has neither sysfs nor the log they read", () => {
    const sources = MACHINES.map((machine) => ({ machine, source: corpusSource(machine) }));
    expect(sources).to.have.length(12);
    for (const { machine, source } of sources) {
      expect(source.sys, machine).to.equal(null);
      for (const [name, collect] of [
        ["cpu", collectCpu],
        ["memory", collectMemory],
        ["tpm", collectTpm],
        ["mei", collectMei],
        ["net", collectNet],
        ["storage", collectStorage],
        ["display", collectDisplay],
      ] as const) {
        const { value, diagnostics } = collect(source);
        expect(value, `${name} of ${machine}`).to.equal(null);
        expect(diagnostics, `${name} of ${machine}`).to.deep.equal([]);
      }
    }
  });
});
