import { expect } from "chai";
import {
  normalizeAcpiPath,
  resolveAcpiPath,
} from "../../../../../core/inventory/acpi/acpi-path.js";

describe("ACPI namespace paths", () => {
  it("spells sysfs paths as iasl does, without the _ padding", () => {
    expect(normalizeAcpiPath("\\_SB_.PCI0.LPC_.TPM_")).to.equal("\\_SB.PCI0.LPC.TPM");
    expect(normalizeAcpiPath("\\")).to.equal("\\");
    expect(normalizeAcpiPath("\\_SB_.PC00\n")).to.equal("\\_SB.PC00");
  });

  it("resolves absolute, relative and parent-prefixed names against the scope", () => {
    expect(resolveAcpiPath("\\", "_SB")).to.equal("\\_SB");
    expect(resolveAcpiPath("\\_SB.PCI0", "LPC_")).to.equal("\\_SB.PCI0.LPC");
    expect(resolveAcpiPath("\\_SB.PCI0.LPC", "\\_S3_")).to.equal("\\_S3");
    expect(resolveAcpiPath("\\_SB.PCI0.LPC", "^^LID")).to.equal("\\_SB.LID");
    expect(resolveAcpiPath("\\_SB", "PCI0.LPC.TPM")).to.equal("\\_SB.PCI0.LPC.TPM");
    expect(resolveAcpiPath("\\_SB.PCI0", "\\")).to.equal("\\");
    expect(resolveAcpiPath("\\", "^^^X")).to.equal("\\X");
  });
});
