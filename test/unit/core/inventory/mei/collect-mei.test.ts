import { existsSync, readdirSync } from "node:fs";
import { expect } from "chai";
import fc from "fast-check";
import { DirectoryFs } from "../../../../../core/evidence/evidence-fs.js";
import { MemoryFs } from "../../../../../core/evidence/memory-fs.js";
import { collectMei } from "../../../../../core/inventory/mei/collect-mei.js";
import { parseMeiFwStatus, parseMeiFwVer } from "../../../../../core/inventory/mei/parse-mei.js";
import { expectWellFormed } from "../../../../helpers/diagnostics.js";
import { testSource } from "../../../../helpers/evidence-source.js";
import { anyText, mutatedText, RUNS } from "../../../../helpers/mutations.js";

// Attribute formats of Documentation/ABI/testing/sysfs-class-mei and drivers/misc/mei/main.c:
// fw_ver "%u:%u.%u.%u.%u" per line, fw_status "%08X" per line.
const PCH_IBEX_PEAK_FW_VER = "0:0.0.0.0\n0:0.0.0.0\n0:0.0.0.0\n";
const FW_VER = "0:7.1.52.1176\n0:7.1.52.1176\n0:7.1.52.1176\n";
const FW_STATUS = "1E000255\n60002106\n00000000\n00004000\n00041F03\nC7E003CB\n";

function meiTree(fwVer: string): MemoryFs {
  const fn = "/sys/devices/pci0000:00/0000:00:16.0";
  return new MemoryFs({
    "/sys/class/mei/mei0": { link: "../../devices/pci0000:00/0000:00:16.0/mei/mei0" },
    [`${fn}/mei/mei0/device`]: { link: "../../../0000:00:16.0" },
    [`${fn}/mei/mei0/fw_ver`]: fwVer,
    [`${fn}/mei/mei0/fw_status`]: FW_STATUS,
    [`${fn}/mei/mei0/dev_state`]: "ENABLED\n",
    [`${fn}/mei/mei0/kind`]: "mei\n",
    [`${fn}/mei/mei0/hbm_ver`]: "1.1\n",
    [`${fn}/driver`]: { link: "../../../bus/pci/drivers/mei_me" },
  });
}

describe("collectMei", () => {
  it("reads an interface's firmware versions and status registers, its PCI function and driver", () => {
    const { value, diagnostics } = collectMei(testSource(meiTree(FW_VER)));
    expect(diagnostics).to.deep.equal([]);
    expect(value).to.deep.equal([
      {
        name: "mei0",
        fwVersions: ["0:7.1.52.1176", "0:7.1.52.1176", "0:7.1.52.1176"],
        fwStatus: ["1e000255", "60002106", "00000000", "00004000", "00041f03", "c7e003cb"],
        devState: "ENABLED",
        kind: "mei",
        hbmVersion: "1.1",
        pciAddress: "0000:00:16.0",
        driver: "mei_me",
        at: { file: "/sys/class/mei/mei0" },
      },
    ]);
  });

  it("keeps the all-zero fw_ver of chipsets before Cougar Point as it is", () => {
    const [mei] = collectMei(testSource(meiTree(PCH_IBEX_PEAK_FW_VER))).value ?? [];
    expect(mei?.fwVersions).to.deep.equal(["0:0.0.0.0", "0:0.0.0.0", "0:0.0.0.0"]);
  });

  it("reads the mei misc device of kernels 3.5–3.9, with nulls for attributes they lack", () => {
    const fs = new MemoryFs({
      "/sys/class/misc/mei": { link: "../../devices/pci0000:00/0000:00:16.0/misc/mei" },
      "/sys/devices/pci0000:00/0000:00:16.0/misc/mei/dev": "10:58\n",
    });
    const [mei] = collectMei(testSource(fs)).value ?? [];
    expect(mei).to.deep.include({
      name: "mei",
      fwVersions: null,
      fwStatus: null,
      pciAddress: "0000:00:16.0",
    });
  });

  it("tells no interface (an empty class) from unknown", () => {
    expect(collectMei(testSource(new MemoryFs({}, ["/sys/class/mei"]))).value).to.deep.equal([]);
    expect(collectMei(testSource(new MemoryFs({}, ["/sys/class/misc"]))).value).to.equal(null);
    expect(collectMei(testSource(null)).value).to.equal(null);
  });

  it("lists this machine's interfaces as its /sys/class/mei does", function () {
    if (!existsSync("/sys/class/mei")) this.skip();
    const { value } = collectMei(testSource(new DirectoryFs("/")));
    expect(value?.map((m) => m.name)).to.deep.equal(readdirSync("/sys/class/mei").sort());
  });

  it("reports a status line that is not a register", () => {
    const fs = meiTree(FW_VER);
    fs.set("/sys/devices/pci0000:00/0000:00:16.0/mei/mei0/fw_status", "1E000255\nbroken\n");
    const { value, diagnostics } = collectMei(testSource(fs));
    expect(value?.[0]?.fwStatus).to.deep.equal(["1e000255"]);
    expect(diagnostics[0]).to.include({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file: "/sys/class/mei/mei0/fw_status",
      line: 2,
    });
  });
});

describe("parseMeiFwVer and parseMeiFwStatus", () => {
  it("never throw on any text or mutations of real attribute files", () => {
    fc.assert(
      fc.property(fc.oneof(anyText(), mutatedText(FW_VER), mutatedText(FW_STATUS)), (text) => {
        const ver = parseMeiFwVer(text, "fw_ver");
        const status = parseMeiFwStatus(text, "fw_status");
        for (const s of status.value ?? []) expect(s).to.match(/^[0-9a-f]{8}$/);
        expectWellFormed(ver.diagnostics, "fw_ver");
        expectWellFormed(status.diagnostics, "fw_status");
      }),
      RUNS,
    );
  });
});
