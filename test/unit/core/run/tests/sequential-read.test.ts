import { randomBytes } from "node:crypto";
import { symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { sequentialRead } from "../../../../../core/run/tests/sequential-read.js";
import { useTmpDirs } from "../../../../helpers/tmp.js";
import { expectRejection } from "./sysroot.js";

const signal = new AbortController().signal;

describe("sequentialRead", () => {
  const tmp = useTmpDirs();

  function file(bytes: number): string {
    const name = path.join(tmp(), "disk.img");
    writeFileSync(name, randomBytes(bytes));
    return name;
  }

  it("reads up to maxBytes, in blocks, and times the reads", async () => {
    const result = await sequentialRead(file(3 * 1024 * 1024), {
      maxBytes: 2 * 1024 * 1024,
      blockBytes: 256 * 1024,
      signal,
    });
    expect(result.bytes).to.equal(2 * 1024 * 1024);
    expect(result.seconds).to.be.greaterThan(0);
    // os.tmpdir() is on a file system that takes O_DIRECT (ext4, xfs, tmpfs 6.6+), or says why not.
    if (!result.direct) expect(result.fallback).to.match(/refused O_DIRECT/);
  });

  it("stops at the end of a file shorter than asked, even one of odd length", async () => {
    const result = await sequentialRead(file(100_000), {
      maxBytes: 1024 * 1024,
      blockBytes: 64 * 1024,
      signal,
    });
    expect(result.bytes).to.equal(100_000);
  });

  it("reads through the page cache, with the reason, where O_DIRECT is refused", async () => {
    // procfs has no direct I/O: open(O_DIRECT) fails with EINVAL.
    const proc = path.join(tmp(), "version");
    symlinkSync("/proc/version", proc);
    const result = await sequentialRead(proc, { maxBytes: 1024 * 1024, blockBytes: 4096, signal });
    expect(result.direct).to.equal(false);
    expect(result.fallback).to.match(/refused O_DIRECT \(EINVAL\): read through the page cache$/);
    expect(result.bytes).to.be.greaterThan(0);
    const plain = await sequentialRead(file(8192), {
      maxBytes: 8192,
      blockBytes: 4096,
      signal,
      direct: false,
    });
    expect(plain).to.include({ bytes: 8192, direct: false, fallback: "O_DIRECT not asked for" });
  });

  it("refuses a block that O_DIRECT cannot use, and passes open errors on", async () => {
    await expectRejection(
      sequentialRead(file(10), { maxBytes: 10, blockBytes: 1000, signal }),
      /not a positive multiple of 4096/,
    );
    const missing = path.join(tmp(), "nothing");
    const error = await expectRejection(
      sequentialRead(missing, { maxBytes: 10, blockBytes: 4096, signal }),
      /ENOENT/,
    );
    expect((error as NodeJS.ErrnoException).code).to.equal("ENOENT");
  });

  it("stops when the signal fires", async () => {
    const controller = new AbortController();
    controller.abort();
    await expectRejection(
      sequentialRead(file(8192), { maxBytes: 8192, blockBytes: 4096, signal: controller.signal }),
      /stopped after 0 bytes: the test ran out of time/,
    );
  });
});
