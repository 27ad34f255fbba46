import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "chai";
import fc from "fast-check";
import { DirectoryFs } from "../../../../../core/evidence/evidence-fs.js";
import { MemoryFs } from "../../../../../core/evidence/memory-fs.js";
import { collectMemory } from "../../../../../core/inventory/memory/collect-memory.js";
import { parseMeminfo } from "../../../../../core/inventory/memory/parse-meminfo.js";
import { expectWellFormed } from "../../../../helpers/diagnostics.js";
import { testSource } from "../../../../helpers/evidence-source.js";
import { anyText, mutatedText, RUNS } from "../../../../helpers/mutations.js";

/** /proc/meminfo of the virtual machine this layer was written on. */
const VM = readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/meminfo-vm"),
  "utf8",
);

describe("parseMeminfo", () => {
  it("reads MemTotal in KiB, at its line", () => {
    expect(parseMeminfo(VM, "/proc/meminfo")).to.deep.equal({
      value: { totalKiB: 24684096, at: { file: "/proc/meminfo", line: 1 } },
      diagnostics: [],
    });
  });

  it("reports a MemTotal in another unit, or none", () => {
    const mb = parseMeminfo("MemFree: 1 kB\nMemTotal: 2048 MB\n", "m");
    expect(mb.value).to.equal(null);
    expect(mb.diagnostics[0]).to.include({ code: "HCL_E_EVIDENCE_MALFORMED", line: 2 });
    expect(parseMeminfo("MemFree: 1 kB\n", "m").diagnostics[0]?.message).to.contain("no MemTotal");
  });

  it("never throws on any text or mutation of a real /proc/meminfo", () => {
    fc.assert(
      fc.property(fc.oneof(anyText(), mutatedText(VM)), (text) => {
        const { value, diagnostics } = parseMeminfo(text, "/proc/meminfo");
        expect(value === null || Number.isSafeInteger(value.totalKiB)).to.equal(true);
        expectWellFormed(diagnostics, "/proc/meminfo");
      }),
      RUNS,
    );
  });
});

describe("collectMemory", () => {
  it("prefers the sysroot, else logs/meminfo, else knows nothing", () => {
    expect(
      collectMemory(
        testSource(new MemoryFs({ "/proc/meminfo": VM }), { meminfo: "MemTotal: 1 kB\n" }),
      ).value,
    ).to.deep.equal({ totalKiB: 24684096, at: { file: "/proc/meminfo", line: 1 } });
    expect(
      collectMemory(testSource(new MemoryFs({}), { meminfo: "MemTotal: 1 kB\n" })).value?.at.file,
    ).to.equal("logs/meminfo");
    expect(collectMemory(testSource(null)).value).to.equal(null);
  });

  it("agrees with the OS on this machine's memory", function () {
    if (os.platform() !== "linux") this.skip();
    expect(collectMemory(testSource(new DirectoryFs("/"))).value?.totalKiB).to.equal(
      os.totalmem() / 1024,
    );
  });
});
