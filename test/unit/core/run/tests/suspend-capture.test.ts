import { expect } from "chai";
import type { Json } from "../../../../../core/run/tests/core-test.js";
import {
  captureSuspendState,
  parseSuspendStats,
  parseUptime,
  verifySuspend,
} from "../../../../../core/run/tests/suspend-capture.js";
import { useTmpDirs } from "../../../../helpers/tmp.js";
import { expectRejection, writeTree } from "./sysroot.js";

const BOOT = "6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f";
const OTHER_BOOT = "11111111-2222-4333-8444-555555555555";

/** /sys/power/suspend_stats as kernel/power/main.c shows it after `success` suspends. */
function stats(
  success: number,
  fail: number,
  extra: Record<string, string> = {},
): Record<string, string> {
  const files: Record<string, string> = {
    success: `${success}\n`,
    fail: `${fail}\n`,
    failed_freeze: "0\n",
    failed_prepare: "0\n",
    failed_suspend: "0\n",
    failed_suspend_late: "0\n",
    failed_suspend_noirq: "0\n",
    failed_resume: "0\n",
    failed_resume_early: "0\n",
    failed_resume_noirq: "0\n",
    last_failed_dev: "\n",
    last_failed_errno: "0\n",
    last_failed_step: "\n",
    ...extra,
  };
  return Object.fromEntries(
    Object.entries(files).map(([k, v]) => [`/sys/power/suspend_stats/${k}`, v]),
  );
}

describe("suspend capture", () => {
  const tmp = useTmpDirs();

  /** A capture of a sysroot in the given state. */
  async function capture(files: Record<string, string>): Promise<Json> {
    const root = tmp();
    writeTree(root, files);
    return captureSuspendState(root);
  }

  it("parses the suspend statistics, and refuses a counter that is not a number", () => {
    expect(
      parseSuspendStats({
        success: "3\n",
        fail: "1\n",
        failed_suspend: "1\n",
        failed_resume: "0\n",
        last_failed_dev: "0000:00:1d.0\n",
        last_failed_errno: "-16\n",
        last_failed_step: "suspend\n",
        last_hw_sleep: "9876543\n",
      }),
    ).to.deep.equal({
      success: 3,
      fail: 1,
      failedSteps: { resume: 0, suspend: 1 },
      lastFailedDev: "0000:00:1d.0",
      lastFailedErrno: -16,
      lastFailedStep: "suspend",
      lastHwSleepUs: 9876543,
    });
    expect(
      parseSuspendStats({ success: "0\n", last_failed_errno: "0\n", last_failed_dev: "\n" }),
    ).to.include({
      fail: null,
      lastFailedErrno: null,
      lastFailedDev: null,
    });
    expect(() => parseSuspendStats({ success: "3x\n" })).to.throw(
      /\/sys\/power\/suspend_stats\/success holds "3x", not an integer/,
    );
    expect(() => parseSuspendStats({ fail: "" })).to.throw(/fail holds "", not an integer/);
  });

  it("reads /proc/uptime's first field, and refuses anything else", () => {
    expect(parseUptime("12345.67 98765.43\n")).to.equal(12345.67);
    expect(() => parseUptime("up 3 days\n")).to.throw(/\/proc\/uptime holds "up 3 days\\n"/);
    expect(() => parseUptime("123.4")).to.throw(/not "<seconds> <idle seconds>"/);
  });

  it("captures the boot id, counters and clocks of a sysroot", async () => {
    const before = Date.now();
    const machine = tmp();
    writeTree(machine, {
      "/proc/sys/kernel/random/boot_id": `${BOOT}\n`,
      "/proc/uptime": "100.00 180.00\n",
      ...stats(2, 0),
    });
    const captured = await captureSuspendState(machine);
    expect(captured).to.deep.include({ bootId: BOOT, uptimeSec: 100 });
    expect(captured.stats).to.include({ success: 2, fail: 0, lastFailedDev: null });
    expect(captured.wallMs).to.be.within(before, Date.now());
    expect(captured.monotonicMs).to.be.greaterThan(0);
    const bare = await captureSuspendState(tmp());
    expect(bare).to.include({ bootId: null, stats: null, uptimeSec: null });
    const root = tmp();
    writeTree(root, { "/proc/sys/kernel/random/boot_id": "not-a-uuid\n" });
    await expectRejection(captureSuspendState(root), /boot_id holds "not-a-uuid", not a UUID/);
  });

  describe("verifySuspend", () => {
    const base = {
      "/proc/sys/kernel/random/boot_id": `${BOOT}\n`,
      "/proc/uptime": "100.00 180.00\n",
    };

    it("passes when the success counter went up on the same boot, with the time asleep", async () => {
      const before = await capture({ ...base, ...stats(2, 0) });
      const after = await capture({
        ...base,
        "/proc/uptime": "125.50 190.00\n",
        ...stats(3, 0, { last_hw_sleep: "24000000\n" }),
      });
      const result = verifySuspend(before, after);
      expect(result.problems).to.equal(undefined);
      expect(result.notes?.[0]).to.equal(
        "suspended and resumed: /sys/power/suspend_stats/success 2 → 3",
      );
      expect(result.notes).to.include("the hardware slept 24.0 s (last_hw_sleep)");
      expect(result.measurements[0]?.name).to.equal("asleepSec");
      expect(result.measurements[0]?.value).to.be.within(25, 25.5);
    });

    it("says the machine rebooted when the boot id changed", async () => {
      const before = await capture({ ...base, ...stats(2, 0) });
      const after = await capture({
        ...base,
        "/proc/sys/kernel/random/boot_id": `${OTHER_BOOT}\n`,
        "/proc/uptime": "20.00 30.00\n",
        ...stats(0, 0),
      });
      expect(verifySuspend(before, after)).to.deep.equal({
        measurements: [],
        problems: [`the machine rebooted instead of resuming (boot id ${BOOT} → ${OTHER_BOOT})`],
      });
      const noIdBefore = await capture({ "/proc/uptime": "500.00 0.00\n" });
      const noIdAfter = await capture({ "/proc/uptime": "20.00 0.00\n" });
      expect(verifySuspend(noIdBefore, noIdAfter).problems).to.deep.equal([
        "the machine rebooted instead of resuming (uptime 500 s → 20 s)",
      ]);
    });

    it("names the failed step and device when the fail counter went up", async () => {
      const before = await capture({ ...base, ...stats(2, 0) });
      const after = await capture({
        ...base,
        ...stats(2, 1, {
          failed_suspend: "1\n",
          last_failed_dev: "0000:00:1d.0\n",
          last_failed_errno: "-16\n",
          last_failed_step: "suspend\n",
        }),
      });
      expect(verifySuspend(before, after).problems).to.deep.equal([
        "the suspend failed: /sys/power/suspend_stats/fail 0 → 1 (failed at suspend; last failed device 0000:00:1d.0; last failed step suspend; errno -16)",
      ]);
    });

    it("says no suspend happened when the counters did not move", async () => {
      const before = await capture({ ...base, ...stats(2, 0) });
      const after = await capture({ ...base, ...stats(2, 0) });
      expect(verifySuspend(before, after).problems).to.deep.equal([
        "no suspend happened: /sys/power/suspend_stats/success (2) and fail (0) did not change",
      ]);
    });

    it("judges by the clocks on a kernel without suspend_stats", async () => {
      const before = await capture(base);
      const slept = verifySuspend(
        before,
        await capture({ ...base, "/proc/uptime": "130.00 180.00\n" }),
      );
      expect(slept.problems).to.equal(undefined);
      expect(slept.notes).to.include("no /sys/power/suspend_stats counters: judged by the clocks");
      const awake = verifySuspend(before, await capture(base));
      expect(awake.problems?.[0]).to.match(
        /^no suspend happened: the boot clock ran only -?\d+(\.\d)? s ahead of the monotonic clock$/,
      );
    });

    it("is an error when the captures cannot tell, or are not captures", async () => {
      const blind = await capture({ "/proc/sys/kernel/random/boot_id": `${BOOT}\n` });
      expect(() => verifySuspend(blind, blind)).to.throw(
        /cannot tell whether the machine suspended/,
      );
      const good = await capture(base);
      expect(() => verifySuspend({ bootId: 3 }, good)).to.throw(
        /^the before capture is not a suspend capture: \{"bootId":3\}/,
      );
      expect(() => verifySuspend(good, null)).to.throw(
        /^the after capture is not a suspend capture/,
      );
      const badStats = { ...(good as Record<string, Json>), stats: { success: "2" } };
      expect(() => verifySuspend(good, badStats)).to.throw(
        /after capture is not a suspend capture/,
      );
    });
  });
});
