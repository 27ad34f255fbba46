import { expect } from "chai";
import fc from "fast-check";
import { ByteReader, toHex } from "../../../../../core/tpm/bytes.js";
import {
  describeSelections,
  marshalPcrSelections,
  readDigestList,
  readPcrSelections,
} from "../../../../../core/tpm/tpm2/structures.js";
import { RUNS } from "../../../../helpers/mutations.js";
import { expectCode, hex } from "../expect-code.js";

describe("TPML_PCR_SELECTION", () => {
  it("marshals PCR n as bit n%8 of byte n/8 (Part 2 §10.6.1)", () => {
    const bytes = marshalPcrSelections([
      { hash: 0x000b, pcrs: [0, 1, 2, 7] },
      { hash: 0x0004, pcrs: [8, 23] },
    ]);
    expect(toHex(bytes)).to.equal("00000002" + "000b" + "03" + "870000" + "0004" + "03" + "000180");
  });

  it("reads back any selection of PCRs 0-23 in any bank", () => {
    const selection = fc.record({
      hash: fc.integer({ min: 0, max: 0xffff }),
      pcrs: fc.uniqueArray(fc.integer({ min: 0, max: 23 }), { maxLength: 24 }),
    });
    fc.assert(
      fc.property(fc.array(selection, { maxLength: 16 }), (selections) => {
        const r = new ByteReader(marshalPcrSelections(selections), "test");
        const back = readPcrSelections(r, "sel");
        r.end();
        expect(back).to.deep.equal(
          selections.map((s) => ({ hash: s.hash, pcrs: [...s.pcrs].sort((a, b) => a - b) })),
        );
      }),
      RUNS,
    );
  });

  it("fails with a coded error at every cut, never a crash", () => {
    const whole = marshalPcrSelections([
      { hash: 0x000b, pcrs: [0, 5, 17] },
      { hash: 4, pcrs: [1] },
    ]);
    for (let cut = 0; cut < whole.length; cut++)
      expectCode(
        () => readPcrSelections(new ByteReader(whole.subarray(0, cut), "x"), "sel"),
        "HCL_E_TPM_TRUNCATED",
      );
  });

  it("refuses more banks or a wider bitmap than the structure holds", () => {
    expectCode(
      () => readPcrSelections(new ByteReader(hex("00000011"), "x"), "sel"),
      "HCL_E_TPM_MALFORMED",
      /count is 17/,
    );
    expectCode(
      () => readPcrSelections(new ByteReader(hex("00000001 000b 21"), "x"), "sel"),
      "HCL_E_TPM_MALFORMED",
      /sizeofSelect is 33/,
    );
  });

  it("refuses a PCR the bitmap cannot name", () => {
    expectCode(
      () => marshalPcrSelections([{ hash: 0x000b, pcrs: [24] }]),
      "HCL_E_TPM_ARGUMENT",
      /PCR 24 is not a PCR index from 0 to 23/,
    );
  });

  it("prints selections as tpm2-tools writes them", () => {
    expect(
      describeSelections([
        { hash: 0x000b, pcrs: [0, 1] },
        { hash: 0x0004, pcrs: [7] },
      ]),
    ).to.equal("sha256:0,1+sha1:7");
  });
});

describe("TPML_DIGEST", () => {
  it("holds at most 8 digests of at most 64 bytes", () => {
    expect(
      readDigestList(new ByteReader(hex("00000002 0001aa 0002bbcc"), "x"), "d").map(toHex),
    ).to.deep.equal(["aa", "bbcc"]);
    expectCode(
      () => readDigestList(new ByteReader(hex("00000009"), "x"), "d"),
      "HCL_E_TPM_MALFORMED",
      /count is 9, more than 8/,
    );
  });
});
