import { expect } from "chai";
import { cryptoDriver } from "../../../../../plugins/_lib/drivers/crypto.js";
import { inventoryWith, machine, only, probe, value } from "../../probe-helpers.js";

const driver = cryptoDriver();

describe("cryptoDriver", () => {
  it("reads AES-NI from the aes flag (T410: Arrandale has it; 6930p: Core 2 has not)", async () => {
    expect(
      value(await only(driver, await machine("lenovo-thinkpad-t410-2522w5d")), "aesni"),
    ).to.equal(true);
    expect(value(await only(driver, await machine("hp-elitebook-6930p")), "aesni")).to.equal(false);
  });

  it("cannot tell without a CPU flag list (Aspire 5750, no hwinfo) or from an empty inventory", async () => {
    expect(await probe(driver, await machine("acer-aspire-5750"))).to.equal(null);
    expect(await probe(driver, inventoryWith({}))).to.equal(null);
  });
});
