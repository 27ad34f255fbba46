import { expect } from "chai";
import { cite, dedupe } from "../../../../../plugins/_lib/facts/evidence.js";

describe("evidence", () => {
  it("cites an inventory record's file and lines, a single line without endLine", () => {
    expect(
      cite({ file: "logs/lspci_all", line: 88, endLine: 100 }, "00:16.3 …", "KT"),
    ).to.deep.equal({
      source: "logs/lspci_all",
      line: 88,
      endLine: 100,
      text: "00:16.3 …",
      note: "KT",
    });
    expect(cite({ file: "logs/dmidecode", line: 5, endLine: 5 })).to.deep.equal({
      source: "logs/dmidecode",
      line: 5,
    });
  });

  it("drops repeated evidence, keeping the first", () => {
    const a = cite({ file: "f", line: 1 }, "x");
    expect(dedupe([a, { ...a }, cite({ file: "f", line: 2 })])).to.have.length(2);
  });
});
