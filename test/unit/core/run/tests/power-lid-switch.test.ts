import { expect } from "chai";
import { LidWatch, powerLidSwitch } from "../../../../../core/run/tests/power-lid-switch.js";
import { useTmpDirs } from "../../../../helpers/tmp.js";
import { expectRejection, replaceFile, testContext, writeTree } from "./sysroot.js";

const STATE = "/proc/acpi/button/lid/LID/state";
const OPEN = "state:      open\n";
const CLOSED = "state:      closed\n";
const T0 = new Date("2026-01-02T03:04:05.000Z");
const at = (ms: number): Date => new Date(T0.getTime() + ms);

describe("power.lid-switch", () => {
  const tmp = useTmpDirs();

  describe("LidWatch", () => {
    it("is done at the first open after a close, and measures how long the lid was closed", () => {
      const watch = new LidWatch();
      expect(watch.observe({ state: "open", atMs: 0, at: at(0) })).to.equal(false);
      expect(watch.observe({ state: "open", atMs: 100, at: at(100) })).to.equal(false);
      expect(watch.observe({ state: "closed", atMs: 1200, at: at(1200) })).to.equal(false);
      expect(watch.current).to.equal("closed");
      expect(watch.observe({ state: "open", atMs: 6300, at: at(6300) })).to.equal(true);
      expect(watch.result(STATE, 6300)).to.deep.equal({
        measurements: [{ name: "closedSec", value: 5.1, unit: "s" }],
        notes: [
          `${STATE}: closed, then open again after 5.1 s`,
          "lid open at +0.0 s (2026-01-02T03:04:05.000Z)",
          "lid → closed at +1.2 s (2026-01-02T03:04:06.200Z)",
          "lid → open at +6.3 s (2026-01-02T03:04:11.300Z)",
        ],
      });
    });

    it("counts a lid closed at the start as closed", () => {
      const watch = new LidWatch();
      watch.observe({ state: "closed", atMs: 0, at: at(0) });
      expect(watch.observe({ state: "open", atMs: 500, at: at(500) })).to.equal(true);
    });

    it("reports a lid that never moved, or never opened again", () => {
      const still = new LidWatch();
      still.observe({ state: "open", atMs: 0, at: at(0) });
      expect(still.result(STATE, 30_000).problems).to.deep.equal([
        `the lid state stayed open for 30.0 s (${STATE})`,
      ]);
      const shut = new LidWatch();
      shut.observe({ state: "open", atMs: 0, at: at(0) });
      shut.observe({ state: "closed", atMs: 2500, at: at(2500) });
      expect(shut.result(STATE, 30_000).problems).to.deep.equal([
        `the lid closed at +2.5 s and did not open again within 30.0 s (${STATE})`,
      ]);
    });
  });

  it("watches the state file until the lid closes and opens", async () => {
    const root = tmp();
    writeTree(root, { [STATE]: OPEN });
    const closing = setTimeout(() => replaceFile(root, STATE, CLOSED), 150);
    const opening = setTimeout(() => replaceFile(root, STATE, OPEN), 350);
    const context = testContext(root, { params: { watchSec: 5 } });
    try {
      const result = await powerLidSwitch.run(context);
      expect(result.problems).to.equal(undefined);
      expect(result.measurements[0]?.name).to.equal("closedSec");
      expect(result.measurements[0]?.value).to.be.within(0.1, 0.4);
      expect(result.notes?.[0]).to.match(
        /^\/proc\/acpi\/button\/lid\/LID\/state: closed, then open again after/,
      );
      expect(context.lines[0]).to.equal(
        `watching ${STATE} for 5 s: the lid is open; close it, then open it`,
      );
      expect(context.lines.slice(1).map((l) => l.split(" at ")[0])).to.deep.equal([
        "lid closed",
        "lid open",
      ]);
    } finally {
      clearTimeout(closing);
      clearTimeout(opening);
    }
  });

  it("fails when the lid state does not change within watchSec", async () => {
    const root = tmp();
    writeTree(root, { [STATE]: CLOSED });
    const result = await powerLidSwitch.run(testContext(root, { params: { watchSec: 0.3 } }));
    expect(result.problems?.[0]).to.match(
      /^the lid closed at \+0.0 s and did not open again within 0.\d s/,
    );
  });

  it("skips without a lid state to cross-check, or when the firmware does not report it", async () => {
    const none = await powerLidSwitch.run(testContext(tmp()));
    expect(none.skip).to.equal(
      "no /proc/acpi/button/lid/*/state: the answer cannot be cross-checked",
    );
    const root = tmp();
    writeTree(root, { [STATE]: "state:      unsupported\n" });
    const unsupported = await powerLidSwitch.run(testContext(root));
    expect(unsupported.skip).to.match(/says "unsupported": the firmware does not report the lid/);
  });

  it("is an error on a malformed state file, or when the time bound stops the watch", async () => {
    const root = tmp();
    writeTree(root, { [STATE]: "stat" });
    await expectRejection(
      powerLidSwitch.run(testContext(root)),
      /\/proc\/acpi\/button\/lid\/LID\/state: "stat" is not a button state/,
    );
    writeTree(root, { [STATE]: OPEN });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    await expectRejection(
      powerLidSwitch.run(testContext(root, { signal: controller.signal })),
      /^watching \/proc\/acpi\/button\/lid\/LID\/state stopped after 0.\d s: the test ran out of time$/,
    );
  });
});
