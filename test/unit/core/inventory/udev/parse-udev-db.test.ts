import { execFileSync } from "node:child_process";
import { expect } from "chai";
import fc from "fast-check";
import { parseUdevDb } from "../../../../../core/inventory/udev/parse-udev-db.js";
import { udevDevtype, udevSubsystem } from "../../../../../core/inventory/udev/udev-record.js";
import { udevRecords } from "../../../../../core/inventory/udev/udev-records.js";
import { expectWellFormed } from "../../../../helpers/diagnostics.js";
import { testSource } from "../../../../helpers/evidence-source.js";
import { anyText, mutatedText, RUNS } from "../../../../helpers/mutations.js";

/** `udevadm info --export-db` of this machine, or null where udevadm is missing. */
function liveDb(): string | null {
  try {
    return execFileSync("udevadm", ["info", "--export-db"], {
      encoding: "utf8",
      maxBuffer: 64 << 20,
    });
  } catch {
    return null;
  }
}

// Record layout of udevadm(8), "udevadm info output prefixes" (systemd 252).
const DB = [
  "P: /devices/pci0000:00/0000:00:1f.2/ata5/host4/target4:0:0/4:0:0:0/block/sdb",
  "M: sdb",
  "U: block",
  "T: disk",
  "D: b 8:16",
  "N: sdb",
  "L: 0",
  "S: disk/by-path/pci-0000:00:1f.2-ata-5.0",
  "S: disk/by-path/pci-0000:00:1f.2-ata-5",
  "Q: 3",
  "E: DEVPATH=/devices/pci0000:00/0000:00:1f.2/ata5/host4/target4:0:0/4:0:0:0/block/sdb",
  "E: SUBSYSTEM=block",
  "E: DEVTYPE=disk",
  "E: ID_PATH=pci-0000:00:1f.2-ata-5.0",
  "E: ID_MODEL=ST9320423AS",
  "",
  "P: /devices/pci0000:00/0000:00:19.0/net/eth0",
  "M: eth0",
  "R: 0",
  "U: net",
  "I: 2",
  "E: DEVPATH=/devices/pci0000:00/0000:00:19.0/net/eth0",
  "E: INTERFACE=eth0",
  "E: ID_NET_DRIVER=e1000e",
  "",
  "P: /devices/pci0000:00/0000:00:19.0",
  "M: 0000:00:19.0",
  "U: pci",
  "V: e1000e",
  "E: DRIVER=e1000e",
  "",
  "",
].join("\n");

describe("parseUdevDb", () => {
  it("reads each record's prefixed lines, with the record's line range", () => {
    const { value, diagnostics } = parseUdevDb(DB, "logs/udev-db");
    expect(diagnostics).to.deep.equal([]);
    expect(value).to.have.length(3);
    const [disk, net, pci] = value ?? [];
    expect(disk?.devpath).to.equal(
      "/devices/pci0000:00/0000:00:1f.2/ata5/host4/target4:0:0/4:0:0:0/block/sdb",
    );
    expect(disk?.node).to.equal("sdb");
    expect(disk?.devnum).to.equal("b 8:16");
    expect(disk?.linkPriority).to.equal(0);
    expect(disk?.symlinks).to.deep.equal([
      "disk/by-path/pci-0000:00:1f.2-ata-5.0",
      "disk/by-path/pci-0000:00:1f.2-ata-5",
    ]);
    expect(disk?.properties.ID_PATH).to.equal("pci-0000:00:1f.2-ata-5.0");
    expect(disk?.at).to.deep.equal({ file: "logs/udev-db", line: 1, endLine: 15 });
    expect(net?.ifindex).to.equal(2);
    expect(net?.at).to.deep.equal({ file: "logs/udev-db", line: 17, endLine: 24 });
    expect(pci?.driver).to.equal("e1000e");
    expect(pci?.at).to.deep.equal({ file: "logs/udev-db", line: 26, endLine: 30 });
  });

  it("falls back on the SUBSYSTEM and DEVTYPE properties of older udev without U: and T:", () => {
    const db = "P: /devices/virtual/net/wlan0\nE: SUBSYSTEM=net\nE: DEVTYPE=wlan\n\n";
    const [record] = parseUdevDb(db, "udev-db").value ?? [];
    expect(record?.subsystem).to.equal(null);
    expect(record && udevSubsystem(record)).to.equal("net");
    expect(record && udevDevtype(record)).to.equal("wlan");
  });

  it("reads udev's own unspaced database form and CRLF line ends", () => {
    const { value, diagnostics } = parseUdevDb(
      "P:/devices/x\r\nE:ID_BUS=ata\r\nS:disk/y\r\n\r\n",
      "db",
    );
    expect(diagnostics).to.deep.equal([]);
    expect(value?.[0]?.devpath).to.equal("/devices/x");
    expect(value?.[0]?.properties.ID_BUS).to.equal("ata");
    expect(value?.[0]?.symlinks).to.deep.equal(["disk/y"]);
  });

  it("says where a line is malformed, and keeps the rest", () => {
    const db =
      "N: orphan\nE: ALSO=orphan\n\nP: /devices/a\ngarbage here\nE: NOEQUALS\nI: two\nE: OK=1\n\n";
    const { value, diagnostics } = parseUdevDb(db, "logs/udev-db");
    expect(value?.[0]?.properties).to.deep.equal({ OK: "1" });
    expect(value?.[0]?.ifindex).to.equal(null);
    expect(diagnostics.map((d) => d.line)).to.deep.equal([1, 5, 6, 7]);
    expect(diagnostics.every((d) => d.code === "HCL_E_EVIDENCE_MALFORMED")).to.equal(true);
  });

  it("reports a dump cut inside a record (hw-probe's 2 MiB cut ends with ...) and keeps what was read", () => {
    const cut = `${DB}P: /devices/pci0000:00/0000:00:1d.0\nE: DRIVER=ehci-p...`;
    const { value, diagnostics } = parseUdevDb(cut, "logs/udev-db");
    expect(value).to.have.length(4);
    expect(diagnostics).to.have.length(1);
    expect(diagnostics[0]).to.include({ code: "HCL_E_EVIDENCE_TRUNCATED", line: 33 });
  });

  it("keeps a __proto__ property as data", () => {
    const [record] = parseUdevDb("P: /d\nE: __proto__=x\nE: constructor=y\n\n", "db").value ?? [];
    expect(Object.getPrototypeOf(record?.properties)).to.equal(Object.prototype);
    expect(Object.entries(record?.properties ?? {})).to.deep.equal([
      ["__proto__", "x"],
      ["constructor", "y"],
    ]);
  });

  it("caps line diagnostics on garbage and counts the rest", () => {
    const { diagnostics } = parseUdevDb("x\n".repeat(1000), "db");
    expect(diagnostics).to.have.length(51);
    expect(diagnostics[50]?.message).to.contain("950 more lines");
  });

  it("reads this machine's database: one record per P: line, each at its P: line", function () {
    const db = liveDb();
    if (db === null) this.skip();
    const lines = db.split("\n");
    const { value, diagnostics } = parseUdevDb(db, "udev-db");
    expect(diagnostics).to.deep.equal([]);
    expect(value).to.have.length(lines.filter((l) => l.startsWith("P: ")).length);
    for (const record of value ?? []) {
      expect(lines[(record.at.line ?? 0) - 1]).to.equal(`P: ${record.devpath}`);
      if (record.properties.DEVPATH !== undefined)
        expect(record.properties.DEVPATH).to.equal(record.devpath);
    }
  });

  it("reads a multi-MB database in linear time", function () {
    const db = liveDb() ?? DB;
    const big = db.repeat(Math.ceil(8e6 / db.length));
    const started = performance.now();
    const { value } = parseUdevDb(big, "udev-db");
    const seconds = (performance.now() - started) / 1000;
    expect(value?.length).to.be.greaterThan(1000);
    // Hundreds of MB/s on a quiet machine; the bound only catches a quadratic slip.
    expect(big.length / 1e6 / seconds).to.be.greaterThan(10);
  });

  it("never throws on any text, and its diagnostics are well formed", () => {
    fc.assert(
      fc.property(anyText(), (text) => {
        const { value, diagnostics } = parseUdevDb(text, "udev-db");
        expect(value).to.be.an("array");
        expectWellFormed(diagnostics, "udev-db");
      }),
      RUNS,
    );
  });

  it("never throws on mutations of a real database, and every record stays within the text", () => {
    const base = liveDb() ?? DB;
    fc.assert(
      fc.property(mutatedText(base), (text) => {
        const { value, diagnostics } = parseUdevDb(text, "udev-db");
        const count = text.split("\n").length;
        for (const r of value ?? []) {
          expect(r.at.line).to.be.within(1, count);
          expect(r.at.endLine ?? r.at.line).to.be.within(r.at.line ?? 1, count);
        }
        expectWellFormed(diagnostics, "udev-db");
      }),
      RUNS,
    );
  });
});

describe("udevRecords", () => {
  it("parses logs/udev-db once per source and answers null without it", () => {
    const source = testSource(null, { "udev-db": DB });
    const first = udevRecords(source);
    expect(first.value?.[0]?.at.file).to.equal("logs/udev-db");
    expect(udevRecords(source)).to.equal(first);
    expect(udevRecords(testSource(null)).value).to.equal(null);
  });
});
