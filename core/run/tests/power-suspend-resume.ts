import { parseMemSleep, parsePowerState } from "../../inventory/power/parse-sleep-files.js";
import type { CoreTest } from "./core-test.js";
import { integerParam } from "./params.js";
import { readRootText } from "./root-files.js";
import { firstLine, runCommand } from "./run-command.js";
import { captureSuspendState, readSuspendStats, verifySuspend } from "./suspend-capture.js";

/**
 * `power.suspend-resume`: the machine suspends to RAM and resumes on an RTC alarm. `run` starts
 * the suspend with `rtcwake -m mem`; the runner captures the machine's state before and after
 * (possibly in a resumed session) and {@link verifySuspend} decides whether it really slept and
 * came back rather than failing to suspend or rebooting.
 *
 * @public
 */
export const powerSuspendResume: CoreTest = {
  id: "power.suspend-resume",
  title: "Suspend to RAM and resume",
  params: {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    additionalProperties: false,
    properties: {
      wakeSec: {
        type: "integer",
        minimum: 5,
        maximum: 3600,
        description: "Seconds asleep before the RTC alarm wakes the machine. Default 20.",
      },
    },
  },
  measures: { name: "asleepSec", unit: "s" },
  live: true,
  disruptive: true,
  timeoutSec: 600,
  transition: { capture: captureSuspendState, verify: verifySuspend },
  async run(context) {
    const wakeSec = integerParam(context.params, "wakeSec", 20);
    const stateText = await readRootText(context.root, "/sys/power/state");
    if (stateText === null)
      return { measurements: [], skip: "no /sys/power/state: this kernel offers no system sleep" };
    const states = parsePowerState(stateText, "/sys/power/state");
    if (!(states.value ?? []).includes("mem"))
      return {
        measurements: [],
        skip: `/sys/power/state offers "${stateText.trim()}", not mem: no suspend to RAM on this machine`,
      };
    const notes: string[] = [];
    const memSleepText = await readRootText(context.root, "/sys/power/mem_sleep");
    const current =
      memSleepText === null
        ? null
        : parseMemSleep(memSleepText, "/sys/power/mem_sleep").value?.current;
    // Documentation/admin-guide/pm/sleep-states.rst: "deep" is S3, "s2idle" suspend-to-idle.
    if (current !== null && current !== undefined)
      notes.push(
        `mem means ${current}${current === "deep" ? " (S3)" : current === "s2idle" ? " (suspend-to-idle, not S3)" : ""}`,
      );
    const before = await readSuspendStats(context.root);
    const command: [string, ...string[]] = ["rtcwake", "-m", "mem", "-s", String(wakeSec)];
    context.log(`${command.join(" ")}: the machine sleeps for ${wakeSec} s`);
    const result = await runCommand(command, {
      timeoutMs: (wakeSec + 120) * 1000,
      signal: context.signal,
    });
    for (const line of result.stdout.split("\n").filter((l) => l.trim() !== "")) context.log(line);
    if (result.status === "missing")
      throw new Error("rtcwake (util-linux) is not installed: cannot suspend with a wake alarm");
    if (result.status !== "ok") {
      // rtcwake reports a failed write to /sys/power/state; the kernel's counters say whether the
      // suspend itself failed (the product) or it never started (the harness: no RTC, no root).
      const after = await readSuspendStats(context.root);
      const failedBefore = before?.fail ?? null;
      const failedAfter = after?.fail ?? null;
      if (failedBefore !== null && failedAfter !== null && failedAfter > failedBefore)
        return {
          measurements: [],
          notes,
          problems: [
            `the suspend failed: ${command.join(" ")} said "${firstLine(result.stderr)}"; suspend_stats/fail ${failedBefore} → ${failedAfter}${(after?.lastFailedDev ?? null) === null ? "" : ` (last failed device ${after?.lastFailedDev ?? ""})`}`,
          ],
        };
      throw new Error(
        `${command.join(" ")} failed (${result.status}): ${firstLine(result.stderr)}`,
      );
    }
    notes.push(
      `${command.join(" ")} returned: the runner's captures decide whether the machine resumed`,
    );
    return { measurements: [], notes };
  },
};
