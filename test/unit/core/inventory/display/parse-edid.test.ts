import { expect } from "chai";
import fc from "fast-check";
import { parseEdid } from "../../../../../core/inventory/display/parse-edid.js";
import { expectWellFormed } from "../../../../helpers/diagnostics.js";
import { mutatedBytes, RUNS } from "../../../../helpers/mutations.js";
import { linuxhwEdid, vesaBaseBlock } from "./edid-fixtures.js";

describe("parseEdid", () => {
  it("decodes a real laptop panel: LG Display 0254, 2009, digital, 31x17 cm, 1600x900 at 59.985 Hz", () => {
    const { value, diagnostics } = parseEdid(linuxhwEdid("LGD0254-8CC0EB7CB47D").bytes, "edid");
    expect(diagnostics).to.deep.equal([]);
    expect(value).to.deep.equal({
      manufacturer: "LGD",
      productCode: "0254",
      week: null,
      year: 2009,
      modelYear: false,
      version: "1.3",
      digital: true,
      widthCm: 31,
      heightCm: 17,
      preferredTiming: {
        widthPx: 1600,
        heightPx: 900,
        pixelClockKHz: 107800,
        refreshHz: 59.985,
        interlaced: false,
      },
      name: null,
      strings: ["LG Display", "LP140WD1-TLD2"],
      extensions: 0,
      checksumValid: true,
      at: { file: "edid" },
    });
  });

  it("decodes a real VGA monitor: AOC 1619w, week 20 of 2008, analog, 1366x768", () => {
    const { value } = parseEdid(linuxhwEdid("AOC1619-B73B230E7DA8").bytes, "edid");
    expect(value).to.deep.include({
      manufacturer: "AOC",
      productCode: "1619",
      week: 20,
      year: 2008,
      digital: false,
    });
    expect(value?.name).to.equal("1619w");
    expect(value?.preferredTiming).to.include({ widthPx: 1366, heightPx: 768, refreshHz: 59.856 });
  });

  it("decodes a base block written from the VESA layout", () => {
    const { value, diagnostics } = parseEdid(vesaBaseBlock(), "edid");
    expect(diagnostics).to.deep.equal([]);
    expect(value).to.deep.include({
      manufacturer: "LEN",
      productCode: "40a0",
      week: 10,
      year: 2010,
      version: "1.3",
      widthCm: 30,
      heightCm: 19,
      name: "LCD Monitor",
      strings: [],
      checksumValid: true,
    });
    expect(value?.preferredTiming).to.deep.equal({
      widthPx: 1280,
      heightPx: 800,
      pixelClockKHz: 71000,
      refreshHz: 59.91,
      interlaced: false,
    });
  });

  it("keeps a block with a wrong checksum, says so, and reports it", () => {
    const block = vesaBaseBlock();
    block[127] = ((block[127] as number) + 1) % 256;
    const { value, diagnostics } = parseEdid(block, "edid");
    expect(value?.checksumValid).to.equal(false);
    expect(value?.manufacturer).to.equal("LEN");
    expect(diagnostics[0]?.code).to.equal("HCL_E_EVIDENCE_MALFORMED");
  });

  it("gives nothing for a short block or one without the header", () => {
    const short = parseEdid(vesaBaseBlock().slice(0, 100), "edid");
    expect(short.value).to.equal(null);
    expect(short.diagnostics[0]?.code).to.equal("HCL_E_EVIDENCE_TRUNCATED");
    const noHeader = vesaBaseBlock();
    noHeader[0] = 0x01;
    expect(parseEdid(noHeader, "edid").value).to.equal(null);
  });

  it("reports extension blocks announced but missing", () => {
    const block = vesaBaseBlock();
    block[126] = 1;
    block[127] = ((block[127] as number) + 255) % 256;
    const { value, diagnostics } = parseEdid(block, "edid");
    expect(value?.extensions).to.equal(1);
    expect(diagnostics.map((d) => d.code)).to.deep.equal(["HCL_E_EVIDENCE_TRUNCATED"]);
  });

  it("never throws on any bytes or mutations of a real EDID", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          mutatedBytes(linuxhwEdid("LGD0254-8CC0EB7CB47D").bytes),
          mutatedBytes(vesaBaseBlock()),
          fc.uint8Array({ maxLength: 400 }),
        ),
        (bytes) => {
          const { value, diagnostics } = parseEdid(bytes, "edid");
          if (value !== null) expect(value.productCode).to.match(/^[0-9a-f]{4}$/);
          expectWellFormed(diagnostics, "edid");
        },
      ),
      RUNS,
    );
  });
});
