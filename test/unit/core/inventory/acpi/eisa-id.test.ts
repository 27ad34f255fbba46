import { expect } from "chai";
import fc from "fast-check";
import { decodeEisaId, encodeEisaId } from "../../../../../core/inventory/acpi/eisa-id.js";
import { RUNS } from "../../../../helpers/mutations.js";

describe("decodeEisaId", () => {
  it("decodes the TPM vendor ids that real DSDTs return as integers", () => {
    expect(decodeEisaId(0x0201d824)).to.equal("IFX0102");
    expect(decodeEisaId(0x310cd041)).to.equal("PNP0C31");
    expect(decodeEisaId(0x0435cf4d)).to.equal("SNO3504");
    expect(decodeEisaId(0x02016d08)).to.equal("BCM0102");
    expect(decodeEisaId(0x0010a35c)).to.equal("WEC1000");
    expect(decodeEisaId(0x00128d06)).to.equal("ATM1200");
    expect(decodeEisaId(0x0104d041)).to.equal("PNP0401");
  });

  it("refuses values that are not EISA ids", () => {
    expect(decodeEisaId(0x0f)).to.equal(null); // Return (0x0F): a _STA value, not an id
    expect(decodeEisaId(0x80)).to.equal(null); // reserved top bit set
    expect(decodeEisaId(-1)).to.equal(null);
    expect(decodeEisaId(2 ** 32)).to.equal(null);
    expect(decodeEisaId(1.5)).to.equal(null);
  });

  it("is the inverse of encodeEisaId for every id of three letters and four hex digits", () => {
    const letter = fc.integer({ min: 65, max: 90 }).map((c) => String.fromCharCode(c));
    const hex = fc
      .integer({ min: 0, max: 0xffff })
      .map((n) => n.toString(16).toUpperCase().padStart(4, "0"));
    fc.assert(
      fc.property(letter, letter, letter, hex, (a, b, c, digits) => {
        const id = a + b + c + digits;
        const value = encodeEisaId(id);
        expect(value).to.be.a("number");
        expect(decodeEisaId(value as number)).to.equal(id);
      }),
      RUNS,
    );
  });

  it("never throws and answers null or a well-formed id for any 32-bit value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (value) => {
        const id = decodeEisaId(value);
        if (id !== null) expect(id).to.match(/^[A-Z]{3}[0-9A-F]{4}$/);
      }),
      RUNS,
    );
  });

  it("encodes only well-formed ids", () => {
    expect(encodeEisaId("PNP0C0D")).to.equal(0x0d0cd041);
    expect(encodeEisaId("pnp0c0d")).to.equal(null);
    expect(encodeEisaId("MSFT0101")).to.equal(null);
  });
});
