import { chmodSync, mkdirSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { listRoot, readRootText, underRoot } from "../../../../../core/run/tests/root-files.js";
import { useTmpDirs } from "../../../../helpers/tmp.js";
import { expectRejection, writeTree } from "./sysroot.js";

describe("root files", () => {
  const tmp = useTmpDirs();

  it("maps a machine path under the root, never above it", () => {
    expect(underRoot("/srv/root", "/proc/net/tcp")).to.equal("/srv/root/proc/net/tcp");
    expect(underRoot("/srv/root", "/../../etc/shadow")).to.equal("/srv/root/etc/shadow");
    expect(underRoot("/", "/proc/uptime")).to.equal("/proc/uptime");
  });

  it("reads files and folders, and answers null for absent ones", async () => {
    const root = tmp();
    writeTree(root, { "/proc/uptime": "1.00 2.00\n", "/proc/net/b": "", "/proc/net/a": "" });
    expect(await readRootText(root, "/proc/uptime")).to.equal("1.00 2.00\n");
    expect(await readRootText(root, "/proc/nothing")).to.equal(null);
    expect(await readRootText(root, "/proc/uptime/below")).to.equal(null);
    expect(await listRoot(root, "/proc/net")).to.deep.equal(["a", "b"]);
    expect(await listRoot(root, "/sys")).to.equal(null);
  });

  it("throws, naming the file, when it exists but cannot be read", async function () {
    const root = tmp();
    mkdirSync(path.join(root, "proc/net"), { recursive: true });
    await expectRejection(
      readRootText(root, "/proc/net"),
      /^cannot read \/proc\/net under .*: EISDIR$/,
    );
    if (process.getuid?.() === 0) return; // root reads through any permission
    writeTree(root, { "/proc/secret": "x" });
    chmodSync(path.join(root, "proc/secret"), 0);
    await expectRejection(readRootText(root, "/proc/secret"), /EACCES/);
  });
});
