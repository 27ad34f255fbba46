import { expect } from "chai";
import fc from "fast-check";
import { parsePowerSupplies } from "../../../../../core/inventory/power/parse-power-supply.js";
import { PowerSupplySchema } from "../../../../../core/inventory/power/schema.js";
import { expectValid, expectWellFormed } from "../../../../helpers/diagnostics.js";
import { anyText, mutatedText, RUNS } from "../../../../helpers/mutations.js";
import { citedLines } from "../acpi/checks.js";
import { BAT0_UEVENT, BAT1_CHARGE_UEVENT, HW_PROBE_LOG } from "./samples.js";

describe("parsePowerSupplies", () => {
  it("reads hw-probe's power_supply log: each supply, its units and lines", () => {
    const { value, diagnostics } = parsePowerSupplies(HW_PROBE_LOG, "logs/power_supply");
    expect(diagnostics).to.deep.equal([]);
    expect(value?.map((s) => [s.name, s.type, s.scope, s.online, s.present])).to.deep.equal([
      ["AC", "Mains", null, true, null],
      ["BAT0", "Battery", null, null, true],
      ["hidpp_battery_0", "Battery", "Device", true, null],
    ]);
    const bat = value?.[1];
    expect(bat).to.deep.include({
      status: "Discharging",
      technology: "Li-ion",
      manufacturer: "SANYO",
      modelName: "42T4863",
      energyFullDesign: 56_160_000, // µWh: a 56 Wh pack
      energyFull: 47_520_000,
      chargeFullDesign: null,
      voltageMinDesign: 10_800_000,
      cycleCount: 0,
      capacity: 84,
    });
    expect(bat?.at).to.deep.equal({ file: "logs/power_supply", line: 6, endLine: 23 });
    for (const supply of value ?? []) expectValid(PowerSupplySchema, supply);
  });

  it("reads one uevent file, in charge units when the firmware reports those", () => {
    const { value } = parsePowerSupplies(BAT1_CHARGE_UEVENT, "/sys/class/power_supply/BAT1/uevent");
    expect(value).to.have.length(1);
    expect(value?.[0]).to.deep.include({
      name: "BAT1",
      chargeFullDesign: 4_400_000,
      chargeFull: 4_100_000,
      energyFullDesign: null,
    });
  });

  it("starts a new supply at a second POWER_SUPPLY_NAME even without a title or blank line", () => {
    const { value } = parsePowerSupplies(BAT0_UEVENT.trimEnd() + "\n" + BAT1_CHARGE_UEVENT, "x");
    expect(value?.map((s) => s.name)).to.deep.equal(["BAT0", "BAT1"]);
  });

  it("reports lines and values it cannot read, and keeps the rest", () => {
    const { value, diagnostics } = parsePowerSupplies(
      "POWER_SUPPLY_NAME=BAT0\nnot a property\nPOWER_SUPPLY_ENERGY_FULL=lots\nPOWER_SUPPLY_PRESENT=1\n\nPOWER_SUPPLY_TYPE=Mains\n",
      "f",
    );
    expect(diagnostics.map((d) => [d.code, d.line])).to.deep.equal([
      ["HCL_E_EVIDENCE_MALFORMED", 2],
      ["HCL_E_EVIDENCE_MALFORMED", 3],
      ["HCL_E_EVIDENCE_MALFORMED", 6],
    ]);
    expect(value).to.have.length(1);
    expect(value?.[0]).to.deep.include({ name: "BAT0", energyFull: null, present: true });
  });

  it("never throws on random text or damaged logs", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          mutatedText(HW_PROBE_LOG),
          anyText([...HW_PROBE_LOG.split("\n"), "POWER_SUPPLY_NAME=", "/sys/class/power_supply/:"]),
        ),
        (text) => {
          const { value, diagnostics } = parsePowerSupplies(text, "f");
          const lines = text.split("\n").length;
          expectWellFormed(diagnostics, "f", lines);
          for (const supply of value ?? []) expectValid(PowerSupplySchema, supply);
          for (const line of citedLines(value)) expect(line).to.be.within(1, lines);
        },
      ),
      RUNS,
    );
  });
});
