import { expect } from "chai";
import { MemoryFs } from "../../../../core/evidence/memory-fs.js";

describe("MemoryFs", () => {
  const fs = new MemoryFs(
    {
      "/sys/devices/pci0000:00/0000:00:1f.2/class": "0x010601\n",
      "/sys/devices/pci0000:00/0000:00:1f.2/driver": { link: "../../../bus/pci/drivers/ahci" },
      "/sys/bus/pci/devices/0000:00:1f.2": { link: "../../../devices/pci0000:00/0000:00:1f.2" },
      "/loop/a": { link: "b" },
      "/loop/b": { link: "a" },
    },
    ["/sys/class/tpm"],
  );

  it("follows links in every component of a path, as the kernel does", () => {
    expect(fs.readText("/sys/bus/pci/devices/0000:00:1f.2/class")).to.equal("0x010601\n");
    expect(fs.list("/sys/bus/pci/devices/0000:00:1f.2")).to.deep.equal(["class", "driver"]);
    expect(fs.readLink("/sys/bus/pci/devices/0000:00:1f.2/driver")).to.equal(
      "../../../bus/pci/drivers/ahci",
    );
  });

  it("tells an empty folder (none) from an absent one (unknown)", () => {
    expect(fs.list("/sys/class/tpm")).to.deep.equal([]);
    expect(fs.list("/sys/class/mei")).to.equal(null);
    expect(fs.exists("/sys/class/tpm")).to.equal(true);
  });

  it("answers null for a dangling link and stops on a link loop", () => {
    expect(fs.readText("/sys/devices/pci0000:00/0000:00:1f.2/driver")).to.equal(null);
    expect(fs.readText("/loop/a")).to.equal(null);
    expect(fs.list("/loop/a")).to.equal(null);
    expect(fs.exists("/loop/a")).to.equal(true);
  });
});
