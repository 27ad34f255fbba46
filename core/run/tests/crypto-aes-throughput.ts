import { createCipheriv, createDecipheriv, getCiphers, randomBytes } from "node:crypto";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Fact } from "../../plugin/api.js";
import type { CoreTest } from "./core-test.js";
import { integerParam } from "./params.js";
import { readRootText } from "./root-files.js";

const CIPHER = "aes-256-xts";
/**
 * Bytes of one sector: dm-crypt's `sector_size:4096`, what a hypervisor's disk layer uses.
 *
 * @public
 */
export const SECTOR_BYTES = 4096;
/** Sectors encrypted between two looks at the abort signal: 1 MiB. */
const SECTORS_PER_ROUND = 256;

/**
 * The tweak of sector `sector` as dm-crypt's `plain64` IV generator makes it: the sector number
 * as a 64-bit little-endian integer, zero-padded to the 16-byte block (drivers/md/dm-crypt.c
 * `crypt_iv_plain64_gen`). Sectors are counted in 4096-byte units, as with `iv_large_sectors`.
 *
 * @public
 */
export function plain64Iv(sector: number): Buffer {
  const iv = Buffer.alloc(16);
  iv.writeBigUInt64LE(BigInt(sector));
  return iv;
}

/**
 * Encrypts (or decrypts) `data`, a whole number of sectors, sector by sector with AES-256-XTS and
 * the plain64 tweak of each, the first numbered `firstSector`. `key` is 64 bytes: two AES-256
 * keys, which OpenSSL refuses when equal. XTS takes a sector in one call (OpenSSL processes a
 * whole data unit per update), so each sector gets its own cipher, as each gets its own request
 * in dm-crypt.
 *
 * @public
 */
export function xtsSectors(
  key: Buffer,
  data: Buffer,
  firstSector: number,
  direction: "encrypt" | "decrypt" = "encrypt",
): Buffer {
  if (data.byteLength % SECTOR_BYTES !== 0)
    throw new Error(
      `${data.byteLength} bytes is not a whole number of ${SECTOR_BYTES}-byte sectors`,
    );
  const out = Buffer.allocUnsafe(data.byteLength);
  for (let offset = 0; offset < data.byteLength; offset += SECTOR_BYTES) {
    const iv = plain64Iv(firstSector + offset / SECTOR_BYTES);
    const cipher =
      direction === "encrypt" ? createCipheriv(CIPHER, key, iv) : createDecipheriv(CIPHER, key, iv);
    cipher.update(data.subarray(offset, offset + SECTOR_BYTES)).copy(out, offset);
  }
  return out;
}

/**
 * Whether the CPU has AES-NI, from the `flags` lines of /proc/cpuinfo (x86: the `aes` flag,
 * CPUID.1:ECX[25], arch/x86/include/asm/cpufeatures.h): `true` when every CPU lists it, `false`
 * when one does not, `null` when the text has no `flags` line (not x86, or not cpuinfo).
 *
 * @public
 */
export function aesniFromCpuinfo(text: string, file: string): Fact {
  const lines = text.split("\n");
  const flagLines = lines.flatMap((line, i) => (/^flags\s*:/.test(line) ? [i] : []));
  const first = flagLines[0];
  if (first === undefined)
    return { value: null, evidence: [{ source: file, note: "no flags line: cannot tell" }] };
  const without = flagLines.find((i) => !(lines[i] as string).split(/\s+/).includes("aes"));
  const line = without ?? first;
  return {
    value: without === undefined,
    evidence: [
      {
        source: file,
        line: line + 1,
        text: without === undefined ? "flags: … aes …" : "flags: (no aes)",
        note:
          without === undefined
            ? `all ${flagLines.length} CPUs list the aes flag`
            : "a CPU without the aes flag",
      },
    ],
  };
}

/**
 * `crypto.aes-throughput`: how fast this CPU encrypts disk sectors as dm-crypt's
 * `aes-xts-plain64` does, through node:crypto (OpenSSL, which uses AES-NI when the CPU has it).
 * The figure includes a cipher set-up per sector, as dm-crypt pays one per request.
 *
 * @public
 */
export const cryptoAesThroughput: CoreTest = {
  id: "crypto.aes-throughput",
  title: "AES-256-XTS disk-encryption throughput",
  params: {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    additionalProperties: false,
    properties: {
      sizeMiB: {
        type: "integer",
        minimum: 1,
        maximum: 65536,
        description: "Data to encrypt, in MiB (4096-byte sectors). Default 64.",
      },
    },
  },
  measures: { name: "throughput", unit: "MB/s" },
  live: true,
  timeoutSec: 300,
  async run(context) {
    const sizeMiB = integerParam(context.params, "sizeMiB", 64);
    if (!getCiphers().includes(CIPHER))
      throw new Error(`this Node.js (OpenSSL ${process.versions.openssl}) has no ${CIPHER} cipher`);
    const cpuinfo = await readRootText(context.root, "/proc/cpuinfo");
    const aesni =
      cpuinfo === null
        ? {
            value: null,
            evidence: [{ source: "/proc/cpuinfo", note: "not readable: cannot tell" }],
          }
        : aesniFromCpuinfo(cpuinfo, "/proc/cpuinfo");
    const key = randomBytes(64);
    const data = randomBytes(SECTORS_PER_ROUND * SECTOR_BYTES);
    // A cipher that hands back its input, or cannot undo its work, is not measured.
    const probe = xtsSectors(key, data.subarray(0, SECTOR_BYTES), 7);
    const back = xtsSectors(key, probe, 7, "decrypt");
    if (
      probe.equals(data.subarray(0, SECTOR_BYTES)) ||
      !back.equals(data.subarray(0, SECTOR_BYTES))
    )
      throw new Error(`${CIPHER} of node:crypto failed its round trip on one sector`);
    context.log(
      `encrypting ${sizeMiB} MiB in ${SECTOR_BYTES}-byte sectors with ${CIPHER} (plain64 tweak); AES-NI: ${JSON.stringify(aesni.value)}`,
    );
    const rounds = (sizeMiB * 1024 * 1024) / (SECTORS_PER_ROUND * SECTOR_BYTES);
    let busyNs = 0n;
    for (let round = 0; round < rounds; round++) {
      // Yield between rounds so the abort signal's event can fire; the wait is not timed.
      await yieldToEventLoop();
      if (context.signal.aborted)
        throw new Error(`stopped after ${round} of ${sizeMiB} MiB: the test ran out of time`);
      const start = process.hrtime.bigint();
      xtsSectors(key, data, round * SECTORS_PER_ROUND);
      busyNs += process.hrtime.bigint() - start;
    }
    const seconds = Number(busyNs) / 1e9;
    const mbps = (sizeMiB * 1024 * 1024) / 1e6 / seconds;
    const value = Math.round(mbps * 10) / 10;
    context.log(`${sizeMiB} MiB in ${seconds.toFixed(3)} s: ${value} MB/s`);
    return {
      measurements: [{ name: "throughput", value, unit: "MB/s" }],
      facts: { aesni },
      notes: [
        `${sizeMiB} MiB (${sizeMiB * 256} sectors) encrypted in ${seconds.toFixed(3)} s with ${CIPHER}, OpenSSL ${process.versions.openssl}`,
      ],
    };
  },
};
