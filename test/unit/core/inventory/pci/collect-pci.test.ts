import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { expect } from "chai";
import { DirectoryFs } from "../../../../../core/evidence/evidence-fs.js";
import { MemoryFs } from "../../../../../core/evidence/memory-fs.js";
import { loadPciIds, parsePciIds } from "../../../../../core/inventory/ids/pci-ids.js";
import { collectPci } from "../../../../../core/inventory/pci/collect-pci.js";
import { parseLspci } from "../../../../../core/inventory/pci/parse-lspci.js";
import { readSysfsPci } from "../../../../../core/inventory/pci/read-sysfs-pci.js";
import type { PciFunction } from "../../../../../core/inventory/pci/schema.js";
import { corpusText } from "../../../../helpers/corpus.js";
import { testSource } from "../../../../helpers/evidence-source.js";

const IDS = parsePciIds(
  [
    "1180  Ricoh Co Ltd",
    "\te822  MMC/SD Host Controller",
    "\t\t17aa 2133  ThinkPad T410",
    "C 08  Generic system peripheral",
    "\t05  SD Host controller",
    "C 0c  Serial bus controller",
    "\t03  USB controller",
    "",
  ].join("\n"),
);

/** A T410-like sysfs, laid out as the kernel lays it out: links from the bus to the device tree. */
function t410Sysfs(): MemoryFs {
  const sd = "/sys/devices/pci0000:00/0000:00:1c.4/0000:0d:00.0";
  const ms = "/sys/devices/pci0000:00/0000:00:1c.4/0000:0d:00.1";
  const xhci = "/sys/devices/pci0000:00/0000:00:14.0";
  return new MemoryFs({
    "/sys/bus/pci/devices/0000:0d:00.0": {
      link: "../../../devices/pci0000:00/0000:00:1c.4/0000:0d:00.0",
    },
    "/sys/bus/pci/devices/0000:0d:00.1": {
      link: "../../../devices/pci0000:00/0000:00:1c.4/0000:0d:00.1",
    },
    "/sys/bus/pci/devices/0000:00:14.0": { link: "../../../devices/pci0000:00/0000:00:14.0" },
    [`${sd}/class`]: "0x080500\n",
    [`${sd}/vendor`]: "0x1180\n",
    [`${sd}/device`]: "0xe822\n",
    [`${sd}/subsystem_vendor`]: "0x17aa\n",
    [`${sd}/subsystem_device`]: "0x2133\n",
    [`${sd}/revision`]: "0x01\n",
    [`${sd}/driver`]: { link: "../../../../bus/pci/drivers/sdhci-pci" },
    [`${sd}/iommu_group`]: { link: "../../../../kernel/iommu_groups/11" },
    [`${sd}/uevent`]: "DRIVER=sdhci-pci\nPCI_CLASS=80500\n",
    [`${ms}/class`]: "0x088000\n",
    [`${ms}/vendor`]: "0x1180\n",
    [`${ms}/device`]: "0xe230\n",
    [`${ms}/subsystem_vendor`]: "0x17aa\n",
    [`${ms}/subsystem_device`]: "0x2133\n",
    [`${ms}/revision`]: "0x01\n",
    [`${ms}/uevent`]: "PCI_CLASS=88000\nPCI_ID=1180:E230\n",
    [`${xhci}/class`]: "0x0c0330\n",
    [`${xhci}/vendor`]: "0x8086\n",
    [`${xhci}/device`]: "0x1e31\n",
    [`${xhci}/subsystem_vendor`]: "0x0000\n",
    [`${xhci}/subsystem_device`]: "0x0000\n",
  });
}

describe("collectPci", () => {
  it("reads sysfs: class and prog-if, IDs, the bound driver, the IOMMU group, names from pci.ids", () => {
    const { value, diagnostics } = collectPci(testSource(t410Sysfs()), IDS);
    expect(diagnostics).to.deep.equal([]);
    expect(value?.map((f) => f.address)).to.deep.equal([
      "0000:00:14.0",
      "0000:0d:00.0",
      "0000:0d:00.1",
    ]);
    const [xhci, sd, ms] = value ?? [];
    expect(sd).to.deep.include({
      classId: "0805",
      progIf: "00",
      className: "SD Host controller",
      vendorName: "Ricoh Co Ltd",
      deviceName: "MMC/SD Host Controller",
      subsystemName: "ThinkPad T410",
      revision: "01",
      driver: "sdhci-pci",
      driverKnown: true,
      iommuGroup: 11,
      modules: null,
      at: { file: "/sys/bus/pci/devices/0000:0d:00.0" },
    });
    // No driver link, but uevent without DRIVER=: the kernel shows that nothing is bound.
    expect(ms).to.include({ classId: "0880", driver: null, driverKnown: true, iommuGroup: null });
    // Neither link nor uevent copied: the snapshot cannot tell; subsystem 0000 means none.
    expect(xhci).to.include({
      classId: "0c03",
      progIf: "30",
      className: "USB controller",
      driverKnown: false,
      subsystemVendorId: null,
      revision: null,
    });
  });

  it("takes an empty /sys/bus/pci/devices as no PCI functions, and reports unreadable ones", () => {
    const empty = new MemoryFs({}, ["/sys/bus/pci/devices"]);
    expect(collectPci(testSource(empty), IDS)).to.deep.equal({
      value: [],
      diagnostics: [],
    });
    const broken = new MemoryFs({ "/sys/bus/pci/devices/0000:00:1f.0/class": "garbage" });
    const parsed = readSysfsPci(broken, IDS);
    expect(parsed.value).to.deep.equal([]);
    expect(parsed.diagnostics[0]).to.include({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file: "/sys/bus/pci/devices/0000:00:1f.0",
    });
  });

  it("falls back to logs/lspci_all, then to hwinfo, and answers null without evidence", () => {
    const lspci = corpusText("lenovo-thinkpad-t410-2522w5d", "lspci_all");
    const hwinfo = corpusText("lenovo-thinkpad-t410-2522w5d", "hwinfo");
    const noPciInSys = new MemoryFs({ "/proc/cpuinfo": "" });
    const fromLspci = collectPci(testSource(noPciInSys, { lspci_all: lspci, hwinfo }), IDS);
    expect(fromLspci.value?.find((f) => f.address === "0000:00:16.3")?.at).to.include({
      file: "logs/lspci_all",
      line: 88,
    });
    const fromHwinfo = collectPci(testSource(null, { hwinfo }), IDS);
    const kt = fromHwinfo.value?.find((f) => f.address === "0000:00:16.3");
    expect(kt).to.include({ driver: "serial", driverKnown: true });
    expect(kt?.at).to.include({ file: "logs/hwinfo", line: 398 });
    expect(collectPci(testSource(noPciInSys), IDS)).to.deep.equal({
      value: null,
      diagnostics: [],
    });
  });

  it("agrees with lspci -vvnn on this machine", function () {
    if (!existsSync("/sys/bus/pci/devices")) this.skip();
    let output: string;
    try {
      output = execFileSync("lspci", ["-vvnn"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      });
    } catch {
      this.skip();
    }
    const ids = loadPciIds();
    const live = collectPci(testSource(new DirectoryFs("/"), {}, "live"), ids);
    const dump = parseLspci(output, "lspci -vvnn", ids);
    expect(live.diagnostics).to.deep.equal([]);
    // lspci lists modules through libkmod, sysfs does not; a bridge's subsystem sits in a
    // capability that only root may read.
    const root = process.getuid?.() === 0;
    const strip = (f: PciFunction): object => ({
      ...f,
      at: undefined,
      modules: undefined,
      ...(root || f.classId !== "0604"
        ? {}
        : { subsystemVendorId: undefined, subsystemDeviceId: undefined, subsystemName: undefined }),
    });
    expect(live.value?.length).to.be.greaterThan(0);
    expect(live.value?.map(strip)).to.deep.equal(dump.value?.map(strip));
  });
});
