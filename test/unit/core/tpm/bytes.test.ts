import { expect } from "chai";
import fc from "fast-check";
import { ByteReader, ByteWriter, hexNumber, toHex } from "../../../../core/tpm/bytes.js";
import { RUNS } from "../../../helpers/mutations.js";
import { expectCode, hex } from "./expect-code.js";

describe("ByteWriter and ByteReader", () => {
  it("marshal big-endian, as the TPM specifications do", () => {
    const bytes = new ByteWriter()
      .u8(0x01)
      .u16(0x0203)
      .u32(0x04050607)
      .u64(0x08090a0b0c0d0e0fn)
      .tpm2b(hex("aabb"))
      .finish();
    expect(toHex(bytes)).to.equal("01" + "0203" + "04050607" + "08090a0b0c0d0e0f" + "0002aabb");
  });

  it("read back what they wrote, whatever the values", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xff }),
        fc.integer({ min: 0, max: 0xffff }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
        fc.uint8Array({ maxLength: 300 }),
        (a, b, c, d, e) => {
          const r = new ByteReader(
            new ByteWriter().u8(a).u16(b).u32(c).u64(d).tpm2b(e).finish(),
            "test",
          );
          expect([
            r.u8("a"),
            r.u16("b"),
            r.u32("c"),
            r.u64("d"),
            toHex(r.tpm2b("e")),
          ]).to.deep.equal([a, b, c, d, toHex(e)]);
          r.end();
        },
      ),
      RUNS,
    );
  });

  it("names the structure, field, offset and bytes left when a read runs past the end", () => {
    const r = new ByteReader(hex("0001 0000"), "TPM2_PCR_Read response");
    r.u16("tag");
    const error = expectCode(
      () => r.u32("responseSize"),
      "HCL_E_TPM_TRUNCATED",
      /responseSize needs 4 bytes at offset 2, 2 left/,
    );
    expect(error.message).to.match(/^TPM2_PCR_Read response is cut short/);
    expect(error.details).to.include({ offset: 2, needed: 4, remaining: 2 });
  });

  it("fails with a coded error, never a RangeError, for a cut at any byte", () => {
    const whole = new ByteWriter().u32(7).tpm2b(hex("0102030405")).u64(9n).finish();
    for (let cut = 0; cut < whole.length; cut++)
      expectCode(() => {
        const r = new ByteReader(whole.subarray(0, cut), "x");
        r.u32("a");
        r.tpm2b("b");
        r.u64("c");
      }, "HCL_E_TPM_TRUNCATED");
  });

  it("refuses a TPM2B larger than its structure allows, and bytes left after the last field", () => {
    expectCode(
      () => new ByteReader(hex("0041" + "00".repeat(65)), "x").tpm2b("digest", 64),
      "HCL_E_TPM_MALFORMED",
      /digest.size is 65, more than its maximum 64/,
    );
    expectCode(
      () => new ByteReader(hex("000000"), "x").end(),
      "HCL_E_TPM_BAD_SIZE",
      /3 bytes left/,
    );
  });

  it("writes numbers as the specifications print them", () => {
    expect(hexNumber(0x101, 3)).to.equal("0x101");
    expect(hexNumber(0x49424d00)).to.equal("0x49424D00");
  });
});
