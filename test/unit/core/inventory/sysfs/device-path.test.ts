import { expect } from "chai";
import fc from "fast-check";
import { isVirtualDevice, locateDevice } from "../../../../../core/inventory/sysfs/device-path.js";
import { RUNS } from "../../../../helpers/mutations.js";

describe("locateDevice", () => {
  it("finds the controller and ATA port of a SATA disk", () => {
    expect(
      locateDevice("/sys/devices/pci0000:00/0000:00:1f.2/ata5/host4/target4:0:0/4:0:0:0/block/sdb"),
    ).to.deep.equal({ pciAddress: "0000:00:1f.2", usbPath: null, ataPort: "ata5" });
  });

  it("takes the function behind a bridge, not the bridge", () => {
    expect(
      locateDevice("/devices/pci0000:00/0000:00:1c.1/0000:03:00.0/net/wlan0").pciAddress,
    ).to.equal("0000:03:00.0");
  });

  it("puts a USB device on its USB port, not on the host controller", () => {
    expect(
      locateDevice("/sys/devices/pci0000:00/0000:00:1d.0/usb2/2-1/2-1.4/2-1.4:1.0/net/wwan0"),
    ).to.deep.equal({ pciAddress: null, usbPath: "2-1.4", ataPort: null });
  });

  it("knows nothing of a made-up device", () => {
    expect(locateDevice("/sys/devices/virtual/net/lo")).to.deep.equal({
      pciAddress: null,
      usbPath: null,
      ataPort: null,
    });
    expect(isVirtualDevice("/sys/devices/virtual/net/lo")).to.equal(true);
    expect(isVirtualDevice("/devices/virtual/block/loop0")).to.equal(true);
    expect(isVirtualDevice("/sys/devices/pci0000:00/0000:00:19.0/net/eth0")).to.equal(false);
  });

  it("never throws, and finds only components of the path", () => {
    const part = fc.oneof(
      fc.constantFrom(
        "pci0000:00",
        "0000:00:1f.2",
        "0000:03:00.0",
        "usb2",
        "2-1",
        "2-1.4:1.0",
        "ata5",
        "host4",
        "net",
      ),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 12 }), (parts) => {
        const path = `/sys/devices/${parts.join("/")}`;
        const found = locateDevice(path);
        for (const value of Object.values(found))
          if (value !== null) expect(parts).to.include(value);
      }),
      RUNS,
    );
  });
});
