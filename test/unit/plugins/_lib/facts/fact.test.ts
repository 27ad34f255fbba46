import { expect } from "chai";
import { known, unknown } from "../../../../../plugins/_lib/facts/fact.js";

describe("facts", () => {
  const at = { source: "logs/dmidecode", line: 12, text: "Port Type: SATA" };

  it("keeps a known value with its evidence", () => {
    expect(known(1, at)).to.deep.equal({ value: 1, evidence: [at] });
  });

  it("says why a fact is unknown, on its first evidence or on its own", () => {
    expect(unknown("no ACPI dump", at).evidence[0]?.note).to.equal("no ACPI dump");
    expect(unknown("no ACPI dump", { ...at, note: "type 8" }).evidence[0]?.note).to.equal(
      "no ACPI dump; type 8",
    );
    expect(unknown("no ACPI dump")).to.deep.equal({
      value: null,
      evidence: [{ source: "inventory", note: "no ACPI dump" }],
    });
  });
});
