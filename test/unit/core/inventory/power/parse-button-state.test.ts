import { expect } from "chai";
import fc from "fast-check";
import { parseButtonState } from "../../../../../core/inventory/power/parse-button-state.js";
import { expectWellFormed } from "../../../../helpers/diagnostics.js";
import { RUNS } from "../../../../helpers/mutations.js";

describe("parseButtonState", () => {
  it("reads a lid's state as drivers/acpi/button.c prints it", () => {
    expect(parseButtonState("state:      open\n", "f")).to.deep.equal({
      value: "open",
      diagnostics: [],
    });
    expect(parseButtonState("state:      closed\n", "f").value).to.equal("closed");
    expect(parseButtonState("state:      unsupported\n", "f")).to.deep.equal({
      value: null,
      diagnostics: [],
    });
  });

  it("reports anything else", () => {
    const result = parseButtonState("type:                    Lid Switch\n", "f");
    expect(result.value).to.equal(null);
    expect(result.diagnostics.map((d) => d.code)).to.deep.equal(["HCL_E_EVIDENCE_MALFORMED"]);
  });

  it("never throws on random text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary" }),
          fc.string().map((s) => `state: ${s}`),
        ),
        (text) => {
          const result = parseButtonState(text, "f");
          expectWellFormed(result.diagnostics, "f", 1);
          expect([null, "open", "closed"]).to.include(result.value);
        },
      ),
      RUNS,
    );
  });
});
