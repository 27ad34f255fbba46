import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { powerSuspendResume } from "../../../../../core/run/tests/power-suspend-resume.js";
import {
  captureSuspendState,
  verifySuspend,
} from "../../../../../core/run/tests/suspend-capture.js";
import { useTmpDirs } from "../../../../helpers/tmp.js";
import { expectRejection, fakeTool, testContext, writeTree } from "./sysroot.js";

describe("power.suspend-resume", () => {
  const tmp = useTmpDirs();
  const savedPath = process.env["PATH"];
  afterEach(() => {
    process.env["PATH"] = savedPath;
  });

  /** A machine offering `states`, with a fake rtcwake (never a real suspend) on PATH. */
  function machine(
    states: string,
    rtcwake: ((root: string) => string) | string | null,
  ): { root: string; calls: string } {
    const root = tmp();
    const calls = path.join(root, "calls.log");
    writeTree(root, {
      "/sys/power/state": `${states}\n`,
      "/sys/power/mem_sleep": "s2idle [deep]\n",
      "/sys/power/suspend_stats/success": "0\n",
      "/sys/power/suspend_stats/fail": "0\n",
      "/sys/power/suspend_stats/last_failed_dev": "\n",
      "/calls.log": "",
    });
    const bin = path.join(root, "bin");
    if (rtcwake !== null)
      fakeTool(
        bin,
        "rtcwake",
        `require("fs").appendFileSync(${JSON.stringify(calls)}, process.argv.slice(2).join(" ") + "\\n");\n${typeof rtcwake === "string" ? rtcwake : rtcwake(root)}`,
      );
    else writeTree(root, { "/bin/.keep": "" });
    process.env["PATH"] = bin;
    return { root, calls };
  }

  it("is disruptive, live, and verified by a transition", () => {
    expect(powerSuspendResume).to.include({ live: true, disruptive: true });
    expect(powerSuspendResume.transition).to.deep.equal({
      capture: captureSuspendState,
      verify: verifySuspend,
    });
  });

  it("suspends with an RTC alarm and leaves the verdict to the captures", async () => {
    const { root, calls } = machine(
      "freeze mem disk",
      `console.log("rtcwake: wakeup from \\"mem\\" using /dev/rtc0 at Thu Jan  1 00:00:20 2026");`,
    );
    const context = testContext(root, { params: { wakeSec: 7 } });
    const result = await powerSuspendResume.run(context);
    expect(readFileSync(calls, "utf8")).to.equal("-m mem -s 7\n");
    expect(result).to.deep.equal({
      measurements: [],
      notes: [
        "mem means deep (S3)",
        "rtcwake -m mem -s 7 returned: the runner's captures decide whether the machine resumed",
      ],
    });
    expect(context.lines).to.deep.equal([
      "rtcwake -m mem -s 7: the machine sleeps for 7 s",
      'rtcwake: wakeup from "mem" using /dev/rtc0 at Thu Jan  1 00:00:20 2026',
    ]);
  });

  it("skips a machine that offers no suspend to RAM", async () => {
    const { root } = machine("freeze disk", null);
    expect((await powerSuspendResume.run(testContext(root))).skip).to.equal(
      '/sys/power/state offers "freeze disk", not mem: no suspend to RAM on this machine',
    );
    expect((await powerSuspendResume.run(testContext(tmp()))).skip).to.equal(
      "no /sys/power/state: this kernel offers no system sleep",
    );
  });

  it("fails when rtcwake's suspend failed in the kernel", async () => {
    const stats = (root: string, name: string): string =>
      JSON.stringify(path.join(root, "sys/power/suspend_stats", name));
    const { root } = machine(
      "mem",
      (sysroot) => `const fs = require("fs");
fs.writeFileSync(${stats(sysroot, "fail")}, "1\\n");
fs.writeFileSync(${stats(sysroot, "last_failed_dev")}, "0000:00:1d.0\\n");
process.stderr.write("rtcwake: write error\\n"); process.exit(1);`,
    );
    const result = await powerSuspendResume.run(testContext(root));
    expect(result.problems).to.deep.equal([
      'the suspend failed: rtcwake -m mem -s 20 said "rtcwake: write error"; suspend_stats/fail 0 → 1 (last failed device 0000:00:1d.0)',
    ]);
  });

  it("is an error when rtcwake is missing or fails before any suspend", async () => {
    const missing = machine("mem", null);
    await expectRejection(
      powerSuspendResume.run(testContext(missing.root)),
      /^rtcwake \(util-linux\) is not installed/,
    );
    const noRtc = machine(
      "mem",
      `process.stderr.write("rtcwake: /dev/rtc0: unable to find device: No such file or directory\\n"); process.exit(1);`,
    );
    await expectRejection(
      powerSuspendResume.run(testContext(noRtc.root)),
      /^rtcwake -m mem -s 20 failed \(failed\): rtcwake: \/dev\/rtc0: unable to find device/,
    );
  });
});
