import { expect } from "chai";
import fc from "fast-check";
import {
  parseMemSleep,
  parsePowerState,
} from "../../../../../core/inventory/power/parse-sleep-files.js";
import { expectWellFormed } from "../../../../helpers/diagnostics.js";
import { RUNS } from "../../../../helpers/mutations.js";

describe("parsePowerState and parseMemSleep", () => {
  it("read the sleep states and the variant of mem in use", () => {
    expect(parsePowerState("freeze mem disk\n", "/sys/power/state")).to.deep.equal({
      value: ["freeze", "mem", "disk"],
      diagnostics: [],
    });
    expect(parsePowerState("\n", "/sys/power/state").value).to.deep.equal([]); // a VM that offers none
    expect(parseMemSleep("s2idle [deep]\n", "/sys/power/mem_sleep").value).to.deep.equal({
      options: ["s2idle", "deep"],
      current: "deep",
    });
    expect(parseMemSleep("[s2idle]\n", "/sys/power/mem_sleep").value).to.deep.equal({
      options: ["s2idle"],
      current: "s2idle",
    });
  });

  it("report tokens that are not state names and keep the others", () => {
    const state = parsePowerState("freeze M€M disk", "s");
    expect(state.value).to.deep.equal(["freeze", "disk"]);
    expect(state.diagnostics.map((d) => d.code)).to.deep.equal(["HCL_E_EVIDENCE_MALFORMED"]);
    const mem = parseMemSleep("s2idle [] [deep]", "m");
    expect(mem.value).to.deep.equal({ options: ["s2idle", "deep"], current: "deep" });
    expect(mem.diagnostics).to.have.length(1);
  });

  it("never throw on random text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const state = parsePowerState(text, "s");
        const mem = parseMemSleep(text, "m");
        expectWellFormed(state.diagnostics, "s", 1);
        expectWellFormed(mem.diagnostics, "m", 1);
        for (const name of [...(state.value ?? []), ...(mem.value?.options ?? [])])
          expect(name).to.match(/^[a-z0-9_-]+$/);
        if (mem.value?.current) expect(mem.value.options).to.include(mem.value.current);
      }),
      RUNS,
    );
  });
});
