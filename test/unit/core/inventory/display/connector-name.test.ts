import { expect } from "chai";
import fc from "fast-check";
import { parseConnectorName } from "../../../../../core/inventory/display/connector-name.js";
import { RUNS } from "../../../../helpers/mutations.js";

describe("parseConnectorName", () => {
  it("splits card and connector type, dashes in the type kept", () => {
    expect(parseConnectorName("card0-HDMI-A-1")).to.deep.equal({ card: "card0", kind: "HDMI-A" });
    expect(parseConnectorName("card1-eDP-1")).to.deep.equal({ card: "card1", kind: "eDP" });
    expect(parseConnectorName("card0-DVI-D-2")).to.deep.equal({ card: "card0", kind: "DVI-D" });
  });

  it("ignores the other entries of /sys/class/drm", () => {
    for (const name of [
      "card0",
      "renderD128",
      "version",
      "ttm",
      "card0-",
      "card-VGA-1",
      "card0-VGA-x",
    ])
      expect(parseConnectorName(name), name).to.equal(null);
  });

  it("never throws, and what it gives rebuilds the name", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (name) => {
        const parsed = parseConnectorName(name);
        if (parsed !== null)
          expect(name.startsWith(`${parsed.card}-${parsed.kind}-`)).to.equal(true);
      }),
      RUNS,
    );
  });
});
