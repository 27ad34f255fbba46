import { expect } from "chai";
import fc from "fast-check";
import { parseHwinfo } from "../../../../../core/inventory/hwinfo/parse-hwinfo.js";
import { HwinfoSchema, type Hwinfo } from "../../../../../core/inventory/hwinfo/schema.js";
import { parseLspci } from "../../../../../core/inventory/pci/parse-lspci.js";
import { corpusText } from "../../../../helpers/corpus.js";
import { expectValid, expectWellFormed } from "../../../../helpers/diagnostics.js";
import { anyText, mutatedText, RUNS } from "../../../../helpers/mutations.js";

const FILE = "logs/hwinfo";
const WITH_HWINFO = [
  "dell-latitude-e5420",
  "fujitsu-lifebook-e751",
  "hp-elitebook-6930p",
  "hp-elitebook-8440p",
  "hp-elitebook-8540p",
  "lenovo-g570",
  "lenovo-thinkpad-t410-2522w5d",
  "lenovo-thinkpad-t420-4180pbg",
];

function hwinfo(machine: string): Hwinfo {
  const parsed = parseHwinfo(corpusText(machine, "hwinfo"), FILE);
  expect(parsed.diagnostics, machine).to.deep.equal([]);
  if (parsed.value === null) throw new Error(`no hwinfo for ${machine}`);
  return parsed.value;
}

describe("parseHwinfo", () => {
  it("reads the T410 2522W5D's CPU: smx and aes, but no vmx (TXT-locked, trap #3)", () => {
    const cpu = hwinfo("lenovo-thinkpad-t410-2522w5d").cpu;
    expect(cpu).to.deep.include({
      vendor: "GenuineIntel",
      model: "Intel(R) Core(TM) i5 CPU       M 520  @ 2.40GHz",
      family: 6,
      modelNumber: 37,
      stepping: 5,
      cores: null,
      threads: 4,
      at: { file: FILE, line: 844, endLine: 856 },
    });
    expect(cpu?.flags).to.include.members(["smx", "aes", "pclmulqdq"]);
    expect(cpu?.flags).to.not.include("vmx");
    expect(hwinfo("fujitsu-lifebook-e751").cpu?.flags).to.include.members(["vmx", "ept", "aes"]);
  });

  it("reads PCI entries: the kernel's class from the alias, not hwinfo's WLAN 0282", () => {
    const pci = hwinfo("lenovo-thinkpad-t410-2522w5d").pci ?? [];
    const wifi = pci.find((f) => f.address === "0000:03:00.0");
    expect(wifi).to.include({
      classId: "0280",
      progIf: "00",
      vendorId: "8086",
      deviceId: "4239",
      driver: "iwlwifi",
    });
    expect(wifi?.subsystemName).to.equal("Centrino Advanced-N 6200 2x2 AGN");
    const kt = pci.find((f) => f.address === "0000:00:16.3");
    expect(kt).to.include({
      classId: "0700",
      progIf: "02",
      revision: "06",
      driver: "serial",
      driverKnown: true,
      modules: null,
    });
    expect(kt?.at).to.deep.equal({ file: FILE, line: 398, endLine: 415 });
  });

  it("knows that a PCI entry without a Driver line has no driver bound", () => {
    const ms = hwinfo("lenovo-thinkpad-t410-2522w5d").pci?.find(
      (f) => f.address === "0000:0d:00.1",
    );
    expect(ms).to.include({ classId: "0880", deviceId: "e230", driver: null, driverKnown: true });
  });

  it("agrees with lspci of the same probe on every function of every machine", () => {
    const keys = [
      "address",
      "classId",
      "vendorId",
      "deviceId",
      "subsystemVendorId",
      "subsystemDeviceId",
      "revision",
      "driver",
    ] as const;
    for (const machine of WITH_HWINFO) {
      const lspci = parseLspci(corpusText(machine, "lspci_all"), "logs/lspci_all").value ?? [];
      const pci = hwinfo(machine).pci ?? [];
      expect(
        pci.map((f) => f.address),
        machine,
      ).to.have.members(lspci.map((f) => f.address));
      for (const fn of pci) {
        const other = lspci.find((f) => f.address === fn.address);
        // The G570's GPU is powered off: lspci reads ff from its config space, hwinfo the
        // kernel's values from boot.
        if (machine === "lenovo-g570" && fn.address === "0000:01:00.0") continue;
        for (const key of keys)
          expect(fn[key], `${machine} ${fn.address} ${key}`).to.equal(other?.[key]);
      }
    }
  });

  it("merges the interfaces of a USB device and finds the G570's USB card reader", () => {
    const usb = hwinfo("lenovo-g570").usb ?? [];
    expect(usb.find((d) => d.vendorId === "0bda")).to.deep.include({
      productId: "0139",
      bus: 1,
      portPath: "1-1.4",
      deviceClass: "ff",
      interfaceClasses: ["ff"],
      drivers: ["rts5139"],
      bcdDevice: "39.60",
      speed: 480,
      isRootHub: false,
    });
    const mosart = (hwinfo("lenovo-thinkpad-t410-2522w5d").usb ?? []).filter(
      (d) => d.vendorId === "062a",
    );
    expect(mosart).to.have.length(1);
    expect(mosart[0]?.portPath).to.equal("1-1.1");
  });

  it("reads the T410's root hubs with Revision 5.13", () => {
    const roots = (hwinfo("lenovo-thinkpad-t410-2522w5d").usb ?? []).filter((d) => d.isRootHub);
    expect(roots.map((d) => [d.portPath, d.vendorId, d.bcdDevice])).to.deep.equal([
      ["usb1", "1d6b", "5.13"],
      ["usb2", "1d6b", "5.13"],
    ]);
  });

  it("lists network interfaces with their driver and the device behind them", () => {
    const network = hwinfo("lenovo-thinkpad-t410-2522w5d").network ?? [];
    expect(network.map((n) => n.name)).to.deep.equal(["enp0s26u1u2", "enp0s25", "wlan0", "lo"]);
    expect(network.find((n) => n.name === "wlan0")).to.deep.equal({
      name: "wlan0",
      kind: "WLAN",
      driver: "iwlwifi",
      hardwareClass: "network interface",
      device: "/devices/pci0000:00/0000:00:1c.1/0000:03:00.0",
      at: { file: FILE, line: 931, endLine: 946 },
    });
  });

  it("gives every machine's dump in full, valid against the schema", () => {
    for (const machine of WITH_HWINFO) expectValid(HwinfoSchema, hwinfo(machine), machine);
  });

  it("leaves out sections the dump does not have, and says null for no entries at all", () => {
    const cpuOnly =
      '59: None 00.0: 10103 CPU\n  Hardware Class: cpu\n  Vendor: "AuthenticAMD"\n  Model: 20.2.0 "AMD E-300 APU"\n  Features: fpu,svm,lahf_lm\n';
    expect(parseHwinfo(cpuOnly, FILE)).to.deep.equal({
      value: {
        pci: null,
        usb: null,
        network: null,
        cpu: {
          vendor: "AuthenticAMD",
          model: "AMD E-300 APU",
          family: 20,
          modelNumber: 2,
          stepping: 0,
          flags: ["fpu", "svm", "lahf_lm"],
          cores: null,
          threads: 1,
          at: { file: FILE, line: 1, endLine: 5 },
        },
      },
      diagnostics: [],
    });
    expect(parseHwinfo("", FILE)).to.deep.equal({ value: null, diagnostics: [] });
  });

  it("does not trust the driver of an entry cut off by the end of the dump", () => {
    const text = corpusText("lenovo-thinkpad-t410-2522w5d", "hwinfo");
    const cut = text.slice(0, text.indexOf('  Driver: "sdhci-pci"'));
    const parsed = parseHwinfo(cut.slice(0, -1), FILE);
    expect(parsed.diagnostics.map((d) => d.code)).to.deep.equal(["HCL_E_EVIDENCE_TRUNCATED"]);
    expect(parsed.value?.pci?.find((f) => f.address === "0000:0d:00.0")).to.include({
      driver: null,
      driverKnown: false,
    });
  });

  it("reads pathological 300 kB lines in linear time", () => {
    for (const text of [
      "12: PCI 1f.2: 0106 " + "x".repeat(300000),
      "12: PCI 1f.2: 0106 x\n  Model: 6.37.5 " + " ".repeat(300000) + '"x',
      "12: PCI 1f.2: 0106 x\n  Vendor: pci 0x8086 " + " ".repeat(300000) + "y",
      "12: PCI 1f.2: 0106 x\n  Driver: " + '"a", '.repeat(60000),
      "1".repeat(300000) + ": x",
    ]) {
      const start = performance.now();
      parseHwinfo(text, FILE);
      expect(performance.now() - start, text.slice(0, 30)).to.be.below(200);
    }
  });

  it("never throws on mutated dumps or random text, and keeps its output well-formed", function () {
    this.timeout(10000);
    const texts = ["lenovo-thinkpad-t410-2522w5d", "lenovo-g570"].map((m) =>
      corpusText(m, "hwinfo"),
    );
    fc.assert(
      fc.property(fc.oneof(mutatedText(texts), anyText()), (text) => {
        const parsed = parseHwinfo(text, FILE);
        expectWellFormed(parsed.diagnostics, FILE, text.split("\n").length);
        if (parsed.value !== null) expectValid(HwinfoSchema, parsed.value);
      }),
      RUNS,
    );
  });
});
