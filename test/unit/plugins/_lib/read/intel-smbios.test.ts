import { expect } from "chai";
import {
  amtRecord,
  meaningfulVersion,
  vproRecord,
} from "../../../../../plugins/_lib/read/intel-smbios.js";
import { machine } from "../../probe-helpers.js";

describe("Intel SMBIOS records", () => {
  it("reads SMBIOS 131 and 130 with their lines", async () => {
    const t410 = await machine("lenovo-thinkpad-t410-2522w5d");
    expect(vproRecord(t410)?.evidence.text).to.contain("CPU_CAP 0x3f");
    expect(amtRecord(t410)?.evidence.text).to.contain("supported 1, enabled 1");
  });

  it("keeps only firmware versions with a non-zero major", () => {
    expect(meaningfulVersion("6.0.40.1215")).to.equal("6.0.40.1215");
    expect(meaningfulVersion("0:7.1.20.1119")).to.equal("7.1.20.1119");
    expect(meaningfulVersion("0:0.0.0.0")).to.equal(null);
    expect(meaningfulVersion("0.10816.15.0")).to.equal(null);
    expect(meaningfulVersion(null)).to.equal(null);
  });
});
