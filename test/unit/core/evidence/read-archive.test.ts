import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { expect } from "chai";
import { HclError } from "../../../../core/errors/hcl-error.js";
import {
  DEFAULT_ARCHIVE_LIMITS,
  readSnapshotArchive,
} from "../../../../core/evidence/read-archive.js";
import { tarBytes, type TarMember } from "../../../helpers/tar-bytes.js";
import { useTmpDirs } from "../../../helpers/tmp.js";

describe("readSnapshotArchive", () => {
  const tmp = useTmpDirs();

  function archive(members: TarMember[], options: { gzip?: boolean } = {}): string {
    const file = path.join(tmp(), "snapshot.tar.gz");
    writeFileSync(file, tarBytes(members, options));
    return file;
  }

  async function refusal(file: string, limits = DEFAULT_ARCHIVE_LIMITS): Promise<HclError> {
    try {
      await readSnapshotArchive(file, limits);
    } catch (error) {
      if (error instanceof HclError) return error;
      throw error;
    }
    throw new Error("expected a refusal");
  }

  it("reads files, folders and links into memory, gzipped or not", async () => {
    const members: TarMember[] = [
      { name: "logs/", type: "5" },
      { name: "logs/dmidecode", data: "# dmidecode 3.4\n" },
      { name: "sysfs/sys/devices/pci0000:00/0000:00:1f.0/class", data: "0x060100\n" },
      {
        name: "sysfs/sys/bus/pci/devices/0000:00:1f.0",
        type: "2",
        link: "../../../devices/pci0000:00/0000:00:1f.0",
      },
    ];
    for (const gzip of [true, false]) {
      const fs = await readSnapshotArchive(archive(members, { gzip }));
      expect(fs.readText("/logs/dmidecode")).to.equal("# dmidecode 3.4\n");
      expect(fs.readText("/sysfs/sys/bus/pci/devices/0000:00:1f.0/class")).to.equal("0x060100\n");
      expect(fs.list("/sysfs/sys/bus/pci/devices")).to.deep.equal(["0000:00:1f.0"]);
    }
  });

  it("strips one leading folder shared by every member", async () => {
    const fs = await readSnapshotArchive(
      archive([
        { name: "probe-42/logs/lspci_all", data: "x" },
        { name: "probe-42/meta.json", data: "{}" },
      ]),
    );
    expect(fs.readText("/logs/lspci_all")).to.equal("x");
    expect(fs.readText("/meta.json")).to.equal("{}");
  });

  const unsafe: [string, TarMember][] = [
    ["an absolute path", { name: "/etc/passwd", data: "root" }],
    ["a .. segment", { name: "logs/../../escape", data: "x" }],
    [
      "a symbolic link out of the snapshot",
      { name: "sysfs/sys/x", type: "2", link: "../../../../etc/shadow" },
    ],
    ["an absolute symbolic link", { name: "sysfs/sys/y", type: "2", link: "/etc/shadow" }],
    ["a hard link out of the snapshot", { name: "logs/z", type: "1", link: "../outside" }],
    ["a device file", { name: "logs/null", type: "3" }],
  ];

  it("refuses a member written under a folder the archive made a link", async () => {
    const error = await refusal(
      archive([
        { name: "logs", type: "2", link: "sysfs" },
        { name: "logs/dmidecode", data: "x" },
      ]),
    );
    expect(error.code).to.equal("HCL_E_SNAPSHOT_UNSAFE");
    expect(error.message).to.contain(
      "member logs/dmidecode sits under logs, which the archive made a link",
    );
  });

  it("refuses a hard link to a folder", async () => {
    const error = await refusal(
      archive([
        { name: "sysfs/", type: "5" },
        { name: "logs/x", type: "1", link: "sysfs" },
      ]),
    );
    expect(error.message).to.contain("member logs/x is a hard link to a folder");
  });
  for (const [what, member] of unsafe) {
    it(`refuses ${what} with HCL_E_SNAPSHOT_UNSAFE naming the member`, async () => {
      const error = await refusal(archive([{ name: "logs/dmidecode", data: "ok" }, member]));
      expect(error.code).to.equal("HCL_E_SNAPSHOT_UNSAFE");
      expect(error.message).to.contain(`member ${member.name} `);
    });
  }

  it("refuses an oversized member and too many members with HCL_E_SNAPSHOT_TOO_LARGE", async () => {
    const small = { maxMemberBytes: 10, maxTotalBytes: 100, maxMembers: 3 };
    expect(
      (await refusal(archive([{ name: "logs/big", data: "x".repeat(11) }]), small)).message,
    ).to.contain("member logs/big has 11 bytes");
    expect(
      (await refusal(archive([1, 2, 3, 4].map((i) => ({ name: `logs/f${i}`, data: "x" }))), small))
        .message,
    ).to.contain("more than 3 members");
    const total = [1, 2, 3].map((i) => ({ name: `logs/f${i}`, data: "x".repeat(10) }));
    expect((await refusal(archive(total), { ...small, maxTotalBytes: 25 })).code).to.equal(
      "HCL_E_SNAPSHOT_TOO_LARGE",
    );
  });

  it("refuses a corrupt or truncated archive with HCL_E_SNAPSHOT_CORRUPT", async () => {
    const corrupt = path.join(tmp(), "bad.tar.gz");
    writeFileSync(
      corrupt,
      Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.from("not really gzip at all")]),
    );
    expect((await refusal(corrupt)).code).to.equal("HCL_E_SNAPSHOT_CORRUPT");
    const whole = tarBytes([{ name: "logs/dmidecode", data: "y".repeat(5000) }]);
    const truncated = path.join(tmp(), "cut.tar.gz");
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    expect((await refusal(truncated)).code).to.equal("HCL_E_SNAPSHOT_CORRUPT");
  });
});

describe("readSnapshotArchive against a decompression bomb", () => {
  const tmp = useTmpDirs();

  it("stops inflating at the archive limit, with HCL_E_SNAPSHOT_TOO_LARGE", async () => {
    // 16 MiB of zeros after a valid archive gzips to ~16 kB: refused at a 1 MiB limit.
    const file = path.join(tmp(), "bomb.tar.gz");
    const tar = tarBytes([{ name: "logs/dmidecode", data: "x" }], { gzip: false });
    writeFileSync(file, gzipSync(Buffer.concat([tar, Buffer.alloc(16 * 1024 * 1024)])));
    try {
      await readSnapshotArchive(file, {
        maxMemberBytes: 1024,
        maxTotalBytes: 1024 * 1024,
        maxMembers: 10,
      });
      expect.fail("expected a refusal");
    } catch (error) {
      expect((error as HclError).code).to.equal("HCL_E_SNAPSHOT_TOO_LARGE");
      expect((error as HclError).message).to.contain("once decompressed");
    }
  });
});
