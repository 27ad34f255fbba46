import { expect } from "chai";
import fc from "fast-check";
import { splitVendorName } from "../../../../../core/inventory/ids/split-name.js";
import { RUNS } from "../../../../helpers/mutations.js";

describe("splitVendorName", () => {
  it("splits at the vendor's name as the database spells it", () => {
    expect(
      splitVendorName(
        "Intel Corporation QM57 Chipset LPC Interface Controller",
        "Intel Corporation",
      ),
    ).to.deep.equal({
      vendorName: "Intel Corporation",
      deviceName: "QM57 Chipset LPC Interface Controller",
    });
  });

  it("reads lspci's placeholders for names its database lacked", () => {
    expect(splitVendorName("Intel Corporation Device", "Intel Corporation")).to.deep.equal({
      vendorName: "Intel Corporation",
      deviceName: null,
    });
    expect(splitVendorName("Lenovo Device", null)).to.deep.equal({
      vendorName: "Lenovo",
      deviceName: null,
    });
    expect(splitVendorName("Device", null)).to.deep.equal({ vendorName: null, deviceName: null });
  });

  it("keeps the whole description as the device's name when the vendor's part is unknown", () => {
    expect(
      splitVendorName("Ralink corp. RT3090 Wireless 802.11n", "Ralink Technology"),
    ).to.deep.equal({
      vendorName: null,
      deviceName: "Ralink corp. RT3090 Wireless 802.11n",
    });
  });

  it("gives back the two names it was given, and only text of the description", () => {
    const name = fc
      .string({ minLength: 1, maxLength: 30 })
      .map((s) => s.trim())
      .filter((s) => s !== "" && s !== "Device");
    fc.assert(
      fc.property(
        name,
        name,
        fc.string(),
        fc.option(fc.string()),
        (vendor, device, text, guess) => {
          expect(splitVendorName(`${vendor} ${device}`, vendor)).to.deep.equal({
            vendorName: vendor,
            deviceName: device,
          });
          const parts = splitVendorName(text, guess);
          for (const part of [parts.vendorName, parts.deviceName])
            if (part !== null) expect(text).to.include(part);
        },
      ),
      RUNS,
    );
  });
});
