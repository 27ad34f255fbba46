import { expect } from "chai";
import { kernelAtLeast } from "../../../../../plugins/_lib/read/kernel.js";
import { inventoryWith } from "../../probe-helpers.js";

describe("kernelAtLeast", () => {
  const kernel = (version: string) =>
    inventoryWith({ kernel: { release: null, version, at: { file: "meta.json" } } });

  it("compares major.minor numerically (5.13 is after 5.6)", () => {
    expect(kernelAtLeast(kernel("5.13"), 5, 6)).to.equal(true);
    expect(kernelAtLeast(kernel("5.4"), 5, 6)).to.equal(false);
    expect(kernelAtLeast(kernel("6.1"), 5, 6)).to.equal(true);
  });

  it("cannot tell without a kernel", () => {
    expect(kernelAtLeast(inventoryWith({}), 5, 6)).to.equal(null);
  });
});
