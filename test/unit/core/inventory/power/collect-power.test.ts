import { existsSync, readdirSync } from "node:fs";
import { expect } from "chai";
import { DirectoryFs } from "../../../../../core/evidence/evidence-fs.js";
import { MemoryFs } from "../../../../../core/evidence/memory-fs.js";
import { LiveSource } from "../../../../../core/evidence/snapshot-source.js";
import type { Diagnostic } from "../../../../../core/inventory/common.js";
import { collectPower } from "../../../../../core/inventory/power/collect-power.js";
import { PowerSchema, type Power } from "../../../../../core/inventory/power/schema.js";
import { expectValid } from "../../../../helpers/diagnostics.js";
import { testSource } from "../../../../helpers/evidence-source.js";
import { AC_UEVENT, BAT0_UEVENT, HW_PROBE_LOG } from "./samples.js";

const PS = "/sys/class/power_supply";

function collect(logs: Record<string, string>, sys: MemoryFs | null): Power | null {
  const result = collectPower(testSource(sys, logs));
  expect(result.diagnostics).to.deep.equal([]);
  if (result.value !== null) expectValid(PowerSchema, result.value);
  return result.value;
}

describe("collectPower", () => {
  it("reads a laptop's sleep states, lid and supplies from the sysroot", () => {
    const power = collect(
      {},
      new MemoryFs({
        "/sys/power/state": "freeze mem disk\n",
        "/sys/power/mem_sleep": "s2idle [deep]\n",
        "/proc/acpi/button/lid/LID/state": "state:      open\n",
        [`${PS}/AC/uevent`]: AC_UEVENT,
        [`${PS}/BAT0/uevent`]: BAT0_UEVENT,
      }),
    );
    expect(power?.sleep).to.deep.equal({
      states: ["freeze", "mem", "disk"],
      memSleep: {
        options: ["s2idle", "deep"],
        current: "deep",
        at: { file: "/sys/power/mem_sleep" },
      },
      at: { file: "/sys/power/state" },
    });
    expect(power?.buttons).to.deep.equal([
      { kind: "lid", name: "LID", state: "open", at: { file: "/proc/acpi/button/lid/LID/state" } },
    ]);
    expect(power?.supplies?.map((s) => [s.name, s.type, s.at.file])).to.deep.equal([
      ["AC", "Mains", `${PS}/AC/uevent`],
      ["BAT0", "Battery", `${PS}/BAT0/uevent`],
    ]);
    expect(power?.supplies?.[1]?.energyFullDesign).to.equal(56_160_000);
  });

  it("reads a supply's attribute files when its uevent cannot be read", () => {
    const power = collect(
      {},
      new MemoryFs({
        [`${PS}/BAT0/type`]: "Battery\n",
        [`${PS}/BAT0/present`]: "1\n",
        [`${PS}/BAT0/charge_full_design`]: "5200000\n",
        [`${PS}/BAT0/power/autosuspend_delay_ms`]: "x",
      }),
    );
    expect(power?.supplies?.[0]).to.deep.include({
      name: "BAT0",
      type: "Battery",
      present: true,
      chargeFullDesign: 5_200_000,
    });
    expect(power?.supplies?.[0]?.at.file).to.equal(`${PS}/BAT0`);
  });

  it("tells no supply (an empty class folder) from unknown, and falls back to hw-probe's log", () => {
    const none = collect({}, new MemoryFs({ "/sys/power/state": "\n" }, [PS]));
    expect(none).to.deep.equal({
      sleep: { states: [], memSleep: null, at: { file: "/sys/power/state" } },
      buttons: null,
      supplies: [],
    });

    const fromLog = collect({ power_supply: HW_PROBE_LOG }, null);
    expect(fromLog?.sleep).to.equal(null);
    expect(fromLog?.buttons).to.equal(null);
    expect(fromLog?.supplies?.map((s) => s.name)).to.deep.equal(["AC", "BAT0", "hidpp_battery_0"]);
    expect(fromLog?.supplies?.[1]?.at).to.deep.equal({
      file: "logs/power_supply",
      line: 6,
      endLine: 23,
    });

    expect(collect({}, null)).to.equal(null);
    expect(collect({}, new MemoryFs({ "/proc/cpuinfo": "x" }))).to.equal(null);
  });

  it("lists the ACPI buttons under /proc/acpi/button, even with no lid state", () => {
    const power = collect(
      {},
      new MemoryFs({ "/proc/acpi/button/power/PWRF/info": "type: Power Button\n" }, [
        "/proc/acpi/button/lid",
      ]),
    );
    expect(power?.buttons).to.deep.equal([
      { kind: "power", name: "PWRF", state: null, at: { file: "/proc/acpi/button/power/PWRF" } },
    ]);
  });

  it("reads this machine, consistently with its sysfs", function () {
    if (!existsSync("/sys/power/state")) this.skip();
    const diagnostics: Diagnostic[] = [];
    const result = collectPower(new LiveSource("/", new DirectoryFs("/", diagnostics)));
    const power = result.value as Power;
    expectValid(PowerSchema, power);
    expect(power.sleep?.states).to.be.an("array");
    if (existsSync(PS))
      expect(power.supplies?.map((s) => s.name).sort()).to.deep.equal(readdirSync(PS).sort());
    else expect(power.supplies).to.equal(null);
  });
});
