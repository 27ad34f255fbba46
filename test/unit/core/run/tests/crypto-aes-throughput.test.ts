import { existsSync, readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { expect } from "chai";
import {
  aesniFromCpuinfo,
  cryptoAesThroughput,
  plain64Iv,
  SECTOR_BYTES,
  xtsSectors,
} from "../../../../../core/run/tests/crypto-aes-throughput.js";
import { useTmpDirs } from "../../../../helpers/tmp.js";
import { expectRejection, testContext, writeTree } from "./sysroot.js";

const XEON =
  "processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu vme sse2 pclmulqdq aes avx\n\nprocessor\t: 1\nflags\t\t: fpu vme sse2 pclmulqdq aes avx\n";
const PENRYN = "processor\t: 0\nflags\t\t: fpu vme sse2 ssse3 sse4_1 vmx smx\n";

describe("crypto.aes-throughput", () => {
  const tmp = useTmpDirs();

  it("makes dm-crypt's plain64 tweak: the sector number, 64-bit little-endian, zero-padded", () => {
    expect(plain64Iv(0).toString("hex")).to.equal("00".repeat(16));
    expect(plain64Iv(0x0102).toString("hex")).to.equal(`0201${"00".repeat(14)}`);
    expect(plain64Iv(2 ** 40).toString("hex")).to.equal(`0000000000010000${"00".repeat(8)}`);
  });

  it("encrypts each sector under its own tweak, and decrypts back", () => {
    const key = randomBytes(64);
    const sector = randomBytes(SECTOR_BYTES);
    const twice = Buffer.concat([sector, sector]);
    const encrypted = xtsSectors(key, twice, 41);
    expect(encrypted.subarray(0, SECTOR_BYTES).equals(encrypted.subarray(SECTOR_BYTES))).to.equal(
      false,
    );
    expect(encrypted.subarray(SECTOR_BYTES).equals(xtsSectors(key, sector, 42))).to.equal(true);
    expect(xtsSectors(key, encrypted, 41, "decrypt").equals(twice)).to.equal(true);
    expect(() => xtsSectors(key, randomBytes(100), 0)).to.throw(
      /not a whole number of 4096-byte sectors/,
    );
  });

  it("reads AES-NI from every CPU's flags line, and cannot tell without one", () => {
    expect(aesniFromCpuinfo(XEON, "/proc/cpuinfo")).to.deep.equal({
      value: true,
      evidence: [
        {
          source: "/proc/cpuinfo",
          line: 3,
          text: "flags: … aes …",
          note: "all 2 CPUs list the aes flag",
        },
      ],
    });
    const penryn = aesniFromCpuinfo(PENRYN, "/proc/cpuinfo");
    expect(penryn.value).to.equal(false);
    expect(penryn.evidence[0]).to.include({ line: 2, text: "flags: (no aes)" });
    expect(aesniFromCpuinfo("Features\t: fp asimd aes\n", "/proc/cpuinfo").value).to.equal(null);
  });

  it("measures this machine's throughput on a small size, with the AES-NI fact of the sysroot", async () => {
    const root = tmp();
    writeTree(root, { "/proc/cpuinfo": PENRYN });
    const context = testContext(root, { params: { sizeMiB: 1 } });
    const result = await cryptoAesThroughput.run(context);
    expect(result.measurements).to.have.length(1);
    expect(result.measurements[0]).to.include({ name: "throughput", unit: "MB/s" });
    expect(result.measurements[0]?.value).to.be.greaterThan(0);
    expect(result.facts?.["aesni"]?.value).to.equal(false);
    expect(context.lines[0]).to.match(/^encrypting 1 MiB in 4096-byte sectors with aes-256-xts/);
  });

  it("reads the live /proc/cpuinfo, and leaves AES-NI unknown without one", async () => {
    const live = await cryptoAesThroughput.run(testContext("/", { params: { sizeMiB: 1 } }));
    if (existsSync("/proc/cpuinfo")) {
      const flags = readFileSync("/proc/cpuinfo", "utf8").match(/^flags\s*:.*$/m)?.[0];
      if (flags !== undefined)
        expect(live.facts?.["aesni"]?.value).to.equal(flags.split(/\s+/).includes("aes"));
    }
    const none = await cryptoAesThroughput.run(testContext(tmp(), { params: { sizeMiB: 1 } }));
    expect(none.facts?.["aesni"]).to.deep.equal({
      value: null,
      evidence: [{ source: "/proc/cpuinfo", note: "not readable: cannot tell" }],
    });
  });

  it("stops when the signal fires", async () => {
    const controller = new AbortController();
    controller.abort();
    await expectRejection(
      cryptoAesThroughput.run(
        testContext(tmp(), { params: { sizeMiB: 4 }, signal: controller.signal }),
      ),
      /stopped after 0 of 4 MiB: the test ran out of time/,
    );
  });
});
