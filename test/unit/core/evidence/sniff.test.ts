import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { sniffDump } from "../../../../core/evidence/sniff.js";
import { REPO } from "../../../helpers/paths.js";

const T410 = path.join(REPO, "test/fixtures/linuxhw/lenovo-thinkpad-t410-2522w5d/logs");

describe("sniffDump", () => {
  it("recognises every real log of the corpus as what it is", () => {
    for (const name of ["dmidecode", "lspci_all", "acpidump_decoded", "hwinfo"] as const) {
      expect(sniffDump(readFileSync(path.join(T410, name), "utf8")), name).to.equal(name);
    }
  });

  it("recognises udevadm's export-db and /proc/cpuinfo", () => {
    expect(
      sniffDump(
        "P: /devices/virtual/net/lo\nE: DEVPATH=/devices/virtual/net/lo\nE: SUBSYSTEM=net\n",
      ),
    ).to.equal("udev-db");
    expect(sniffDump(readFileSync("/proc/cpuinfo", "utf8"))).to.equal("cpuinfo");
  });

  it("recognises nothing in other text", () => {
    expect(sniffDump("hello\nworld\n")).to.equal(null);
    expect(sniffDump("")).to.equal(null);
    expect(sniffDump(readFileSync(path.join(REPO, "package.json"), "utf8"))).to.equal(null);
  });
});
