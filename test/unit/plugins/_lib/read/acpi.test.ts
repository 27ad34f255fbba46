import { expect } from "chai";
import {
  acpiIds,
  devicesWithIds,
  tableListComplete,
} from "../../../../../plugins/_lib/read/acpi.js";
import { inventoryWith, machine } from "../../probe-helpers.js";

describe("ACPI evidence", () => {
  it("finds a device by any id it can present: a _HID candidate of a method, or a _CID (T410 TPM)", async () => {
    const [tpm] = devicesWithIds(
      await machine("lenovo-thinkpad-t410-2522w5d"),
      new Set(["SMO1200"]),
    );
    expect(tpm?.device.path).to.equal("\\_SB.PCI0.LPC.TPM");
    expect(acpiIds(tpm!.device)).to.include.members(["IFX0102", "SMO1200", "PNP0C31"]);
    expect(tpm?.evidence.line).to.be.a("number");
  });

  it("trusts a missing table only in a whole table list", async () => {
    expect(tableListComplete(await machine("lenovo-thinkpad-t410-2537pw4"))).to.equal(true);
    expect(tableListComplete(inventoryWith({}))).to.equal(false);
  });
});
