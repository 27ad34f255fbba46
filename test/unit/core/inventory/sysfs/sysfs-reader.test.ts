import { expect } from "chai";
import { MemoryFs } from "../../../../../core/evidence/memory-fs.js";
import type { Diagnostic } from "../../../../../core/inventory/common.js";
import { SysfsReader } from "../../../../../core/inventory/sysfs/sysfs-reader.js";

describe("SysfsReader", () => {
  const fs = new MemoryFs({
    "/sys/class/net/eth0": { link: "../../devices/pci0000:00/0000:00:19.0/net/eth0" },
    "/sys/devices/pci0000:00/0000:00:19.0/net/eth0/device": { link: "../../../0000:00:19.0" },
    "/sys/devices/pci0000:00/0000:00:19.0/driver": { link: "../../../bus/pci/drivers/e1000e" },
    "/sys/devices/pci0000:00/0000:00:19.0/enable": "1\n",
    "/sys/devices/pci0000:00/0000:00:19.0/numa_node": "-1\n",
    "/sys/devices/pci0000:00/0000:00:19.0/broken": "yes\n",
    "/sys/devices/pci0000:00/0000:00:19.0/blob": new Uint8Array([0, 1, 2, 0]),
    "/loop/a": { link: "b" },
    "/loop/b": { link: "a" },
  });

  it("resolves links in every component of a path", () => {
    const sys = new SysfsReader(fs, []);
    expect(sys.realPath("/sys/class/net/eth0/device")).to.equal(
      "/sys/devices/pci0000:00/0000:00:19.0",
    );
    expect(sys.linkName("/sys/class/net/eth0/device/driver")).to.equal("e1000e");
    expect(sys.realPath("/loop/a/x")).to.equal(null);
  });

  it("reads flags and integers, and reports values of another form", () => {
    const diagnostics: Diagnostic[] = [];
    const sys = new SysfsReader(fs, diagnostics);
    const dir = "/sys/class/net/eth0/device";
    expect(sys.flag(`${dir}/enable`)).to.equal(true);
    expect(sys.flag(`${dir}/absent`)).to.equal(null);
    expect(diagnostics).to.deep.equal([]);
    expect(sys.flag(`${dir}/broken`)).to.equal(null);
    expect(sys.integer(`${dir}/numa_node`)).to.equal(null);
    expect(sys.text(`${dir}/blob`)).to.equal(null);
    expect(diagnostics.map((d) => [d.code, d.file])).to.deep.equal([
      ["HCL_E_EVIDENCE_MALFORMED", `${dir}/broken`],
      ["HCL_E_EVIDENCE_MALFORMED", `${dir}/numa_node`],
      ["HCL_E_EVIDENCE_BINARY", `${dir}/blob`],
    ]);
  });
});
