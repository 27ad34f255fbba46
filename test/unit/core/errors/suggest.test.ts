import { expect } from "chai";
import { didYouMean, editDistance } from "../../../../core/errors/suggest.js";

describe("didYouMean", () => {
  it("finds the nearest name of a likely typo", () => {
    expect(didYouMean("tmp", ["tpm", "txt", "vpro"])).to.equal("tpm");
    expect(didYouMean("plugns", ["plugins", "onLoadFailure", "pluginTimeoutMs"])).to.equal(
      "plugins",
    );
    expect(didYouMean("generic-pcc", ["generic-pc", "intel-calpella"])).to.equal("generic-pc");
  });

  it("suggests nothing for a name that is not close", () => {
    expect(didYouMean("battery", ["tpm", "txt"])).to.equal(undefined);
    expect(didYouMean("x", [])).to.equal(undefined);
  });

  it("counts an adjacent transposition as one edit", () => {
    expect(editDistance("tpm", "tmp")).to.equal(1);
    expect(editDistance("kitten", "sitting")).to.equal(3);
    expect(editDistance("", "abc")).to.equal(3);
  });
});
