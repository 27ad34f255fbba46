import { expect } from "chai";
import { parseHwinfo } from "../../../../../core/inventory/hwinfo/parse-hwinfo.js";
import { kernelVersionFromRootHubs } from "../../../../../core/inventory/usb/kernel-version.js";
import type { UsbDevice } from "../../../../../core/inventory/usb/schema.js";
import { corpusText } from "../../../../helpers/corpus.js";

function hwinfoUsb(machine: string): UsbDevice[] {
  return parseHwinfo(corpusText(machine, "hwinfo"), "logs/hwinfo").value?.usb ?? [];
}

function rootHub(
  bcdDevice: string | null,
  vendorName: string | null = "Linux Foundation",
): UsbDevice {
  return {
    bus: 1,
    deviceNumber: 1,
    portPath: "usb1",
    vendorId: "1d6b",
    productId: "0002",
    vendorName,
    productName: "2.0 root hub",
    deviceClass: "09",
    interfaceClasses: ["09"],
    drivers: ["hub"],
    bcdDevice,
    speed: 480,
    isRootHub: true,
    at: { file: "/sys/bus/usb/devices/usb1" },
  };
}

describe("kernelVersionFromRootHubs", () => {
  it("dates the T410 2522W5D's probe at kernel 5.13 from its root hubs' Revision", () => {
    expect(kernelVersionFromRootHubs(hwinfoUsb("lenovo-thinkpad-t410-2522w5d"))).to.deep.equal({
      version: "5.13",
      release: null,
      at: { file: "logs/hwinfo", line: 724, endLine: 742 },
    });
  });

  it("reads BCD minors with a leading zero and the full release older hwinfo shows", () => {
    expect(kernelVersionFromRootHubs(hwinfoUsb("hp-elitebook-6930p"))?.version).to.equal("4.9");
    expect(kernelVersionFromRootHubs(hwinfoUsb("lenovo-g570"))).to.deep.include({
      version: "3.14",
      release: "3.14.44-nrj-desktop-2rosa-x86_64",
    });
  });

  it("reads the binary numbers of kernels before bin2bcd", () => {
    expect(kernelVersionFromRootHubs([rootHub("2.1a")])?.version).to.equal("2.26");
  });

  it("answers null without a Linux root hub version, or when root hubs disagree", () => {
    expect(kernelVersionFromRootHubs([])).to.equal(null);
    expect(kernelVersionFromRootHubs([rootHub(null)])).to.equal(null);
    expect(kernelVersionFromRootHubs([{ ...rootHub("5.13"), vendorId: "8087" }])).to.equal(null);
    expect(kernelVersionFromRootHubs([{ ...rootHub("5.13"), isRootHub: false }])).to.equal(null);
    expect(kernelVersionFromRootHubs([rootHub("5.13"), rootHub("6.01")])).to.equal(null);
  });

  it("ignores a manufacturer string that contradicts the version", () => {
    expect(kernelVersionFromRootHubs([rootHub("5.13", "Linux 4.9.0 ehci_hcd")])?.release).to.equal(
      null,
    );
  });
});
