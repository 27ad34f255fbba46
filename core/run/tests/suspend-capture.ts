import type { ActiveTestResult } from "../../plugin/api.js";
import type { Json } from "./core-test.js";
import { listRoot, readRootText } from "./root-files.js";

/**
 * `/sys/power/suspend_stats` (Documentation/ABI/testing/sysfs-power; kernel/power/main.c):
 * counters of suspend attempts since boot, and what failed last. Older kernels have them in
 * debugfs only.
 *
 * @public
 */
export type SuspendStats = {
  /** Suspends that completed (resumed after sleeping). */
  readonly success: number | null;
  /** Suspends that failed at some step. */
  readonly fail: number | null;
  /** `failed_<step>` counters by step (`freeze`, `prepare`, `suspend`, `suspend_late`, `resume`…). */
  readonly failedSteps: { readonly [step: string]: number };
  /** The device whose callback failed last; `null` when none is recorded. */
  readonly lastFailedDev: string | null;
  /** The last error (`-16`); `null` when none (0) or not shown. */
  readonly lastFailedErrno: number | null;
  readonly lastFailedStep: string | null;
  /** Microseconds the hardware spent in its sleep state last time (6.5+; s2idle platforms). */
  readonly lastHwSleepUs: number | null;
};

/** What {@link captureSuspendState} records before and after the suspend. @public */
export type SuspendCapture = {
  /** `/proc/sys/kernel/random/boot_id`: a new one means the machine booted again. */
  readonly bootId: string | null;
  readonly stats: SuspendStats | null;
  readonly wallMs: number;
  /** First field of `/proc/uptime`: CLOCK_BOOTTIME, which counts time asleep (fs/proc/uptime.c). */
  readonly uptimeSec: number | null;
  /** CLOCK_MONOTONIC (`process.hrtime`), system-wide, which stops while the machine sleeps. */
  readonly monotonicMs: number;
};

const STATS_DIR = "/sys/power/suspend_stats";
const INTEGER = /^-?\d{1,15}$/;

/**
 * The suspend statistics from the text of the files of `/sys/power/suspend_stats` (by name;
 * `null` or missing for a file that is not there). A counter that is not an integer throws an
 * Error naming its file: a capture that cannot be trusted must not decide the verdict.
 *
 * @public
 */
export function parseSuspendStats(files: Readonly<Record<string, string | null>>): SuspendStats {
  const integer = (name: string): number | null => {
    const text = files[name];
    if (text === null || text === undefined) return null;
    const value = text.trim();
    if (!INTEGER.test(value))
      throw new Error(
        `${STATS_DIR}/${name} holds ${JSON.stringify(value.slice(0, 40))}, not an integer`,
      );
    return Number(value);
  };
  const string = (name: string): string | null => {
    const value = files[name]?.trim();
    return value === undefined || value === "" ? null : value;
  };
  const failedSteps: Record<string, number> = {};
  for (const name of Object.keys(files).sort()) {
    if (!name.startsWith("failed_")) continue;
    const count = integer(name);
    if (count !== null) failedSteps[name.slice("failed_".length)] = count;
  }
  const errno = integer("last_failed_errno");
  return {
    success: integer("success"),
    fail: integer("fail"),
    failedSteps,
    lastFailedDev: string("last_failed_dev"),
    lastFailedErrno: errno === 0 ? null : errno,
    lastFailedStep: string("last_failed_step"),
    lastHwSleepUs: integer("last_hw_sleep"),
  };
}

/** The statistics under `root`; `null` when the kernel has no `/sys/power/suspend_stats`. @public */
export async function readSuspendStats(root: string): Promise<SuspendStats | null> {
  const names = await listRoot(root, STATS_DIR);
  if (names === null) return null;
  const files: Record<string, string | null> = {};
  for (const name of names) files[name] = await readRootText(root, `${STATS_DIR}/${name}`);
  return parseSuspendStats(files);
}

/** Seconds since boot from `/proc/uptime` (`12345.67 98765.43`). @public */
export function parseUptime(text: string): number {
  const match = /^(\d{1,12}(?:\.\d{1,9})?)\s/.exec(text);
  if (match === null)
    throw new Error(
      `/proc/uptime holds ${JSON.stringify(text.slice(0, 40))}, not "<seconds> <idle seconds>"`,
    );
  return Number(match[1]);
}

/**
 * Records, under `root`, what tells a resume from a reboot or from no suspend at all: the boot
 * id, the suspend statistics, and the two clocks whose difference is the time spent asleep.
 *
 * @public
 */
export async function captureSuspendState(root: string): Promise<SuspendCapture> {
  const bootText = await readRootText(root, "/proc/sys/kernel/random/boot_id");
  const bootId = bootText?.trim() ?? null;
  if (
    bootId !== null &&
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(bootId)
  )
    throw new Error(
      `/proc/sys/kernel/random/boot_id holds ${JSON.stringify(bootId.slice(0, 40))}, not a UUID`,
    );
  const uptime = await readRootText(root, "/proc/uptime");
  return {
    bootId,
    stats: await readSuspendStats(root),
    wallMs: Date.now(),
    uptimeSec: uptime === null ? null : parseUptime(uptime),
    monotonicMs: Number(process.hrtime.bigint()) / 1e6,
  };
}

function isObject(value: Json | undefined): value is { readonly [k: string]: Json } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const nullableNumber = (v: Json | undefined): boolean => v === null || typeof v === "number";
const nullableString = (v: Json | undefined): boolean => v === null || typeof v === "string";

/**
 * A capture as the runner stored it, checked: a value of another shape throws an Error that says
 * which capture (`before`, `after`) is not a suspend capture.
 *
 * @public
 */
export function asSuspendCapture(value: Json, which: string): SuspendCapture {
  const stats = isObject(value) ? value["stats"] : undefined;
  const steps = isObject(stats) ? stats["failedSteps"] : undefined;
  const statsOk =
    stats === null ||
    (isObject(stats) &&
      nullableNumber(stats["success"]) &&
      nullableNumber(stats["fail"]) &&
      isObject(steps) &&
      Object.values(steps).every((n) => typeof n === "number") &&
      nullableString(stats["lastFailedDev"]) &&
      nullableNumber(stats["lastFailedErrno"]) &&
      nullableString(stats["lastFailedStep"]) &&
      nullableNumber(stats["lastHwSleepUs"]));
  if (
    !isObject(value) ||
    !nullableString(value["bootId"]) ||
    !statsOk ||
    typeof value["wallMs"] !== "number" ||
    !nullableNumber(value["uptimeSec"]) ||
    typeof value["monotonicMs"] !== "number"
  )
    throw new Error(
      `the ${which} capture is not a suspend capture: ${JSON.stringify(value).slice(0, 200)}`,
    );
  return value as unknown as SuspendCapture;
}

function lastFailure(stats: SuspendStats, before: SuspendStats): string {
  const steps = Object.entries(stats.failedSteps)
    .filter(([step, n]) => n > (before.failedSteps[step] ?? 0))
    .map(([step]) => step);
  const parts = [
    steps.length > 0 ? `failed at ${steps.join(", ")}` : null,
    stats.lastFailedDev === null ? null : `last failed device ${stats.lastFailedDev}`,
    stats.lastFailedStep === null ? null : `last failed step ${stats.lastFailedStep}`,
    stats.lastFailedErrno === null ? null : `errno ${stats.lastFailedErrno}`,
  ].filter((p) => p !== null);
  return parts.length === 0 ? "" : ` (${parts.join("; ")})`;
}

/**
 * Decides, from the captures before and after a suspend, whether the machine suspended and came
 * back: a new boot id is a reboot; with suspend statistics, `fail` going up is a failed suspend,
 * `success` going up a good one, neither is no suspend; without them, the time the boot clock
 * ran ahead of the monotonic clock is the time asleep (at least 1 s counts).
 *
 * @public
 */
export function verifySuspend(beforeJson: Json, afterJson: Json): ActiveTestResult {
  const before = asSuspendCapture(beforeJson, "before");
  const after = asSuspendCapture(afterJson, "after");
  const notes: string[] = [];
  const wallSec = (after.wallMs - before.wallMs) / 1000;
  if (before.bootId !== null && after.bootId !== null && before.bootId !== after.bootId)
    return {
      measurements: [],
      problems: [
        `the machine rebooted instead of resuming (boot id ${before.bootId} → ${after.bootId})`,
      ],
    };
  if (before.bootId === null || after.bootId === null) {
    if (before.uptimeSec !== null && after.uptimeSec !== null && after.uptimeSec < before.uptimeSec)
      return {
        measurements: [],
        problems: [
          `the machine rebooted instead of resuming (uptime ${before.uptimeSec} s → ${after.uptimeSec} s)`,
        ],
      };
    notes.push(
      "no /proc/sys/kernel/random/boot_id in a capture: a reboot is ruled out by the uptime only",
    );
  }
  const asleepSec =
    before.uptimeSec === null || after.uptimeSec === null
      ? null
      : Math.round(
          (after.uptimeSec - before.uptimeSec - (after.monotonicMs - before.monotonicMs) / 1000) *
            10,
        ) / 10;
  const measurements =
    asleepSec === null ? [] : [{ name: "asleepSec", value: asleepSec, unit: "s" }];
  if (asleepSec !== null)
    notes.push(
      `${wallSec.toFixed(1)} s passed, ${asleepSec} s of them asleep (CLOCK_BOOTTIME − CLOCK_MONOTONIC)`,
    );
  const b = before.stats;
  const a = after.stats;
  if (
    b !== null &&
    a !== null &&
    b.success !== null &&
    b.fail !== null &&
    a.success !== null &&
    a.fail !== null
  ) {
    if (a.fail > b.fail)
      return {
        measurements,
        notes,
        problems: [
          `the suspend failed: ${STATS_DIR}/fail ${b.fail} → ${a.fail}${lastFailure(a, b)}`,
        ],
      };
    if (a.success > b.success) {
      notes.unshift(`suspended and resumed: ${STATS_DIR}/success ${b.success} → ${a.success}`);
      if (a.lastHwSleepUs !== null && a.lastHwSleepUs !== b.lastHwSleepUs)
        notes.push(`the hardware slept ${(a.lastHwSleepUs / 1e6).toFixed(1)} s (last_hw_sleep)`);
      return { measurements, notes };
    }
    return {
      measurements,
      notes,
      problems: [
        `no suspend happened: ${STATS_DIR}/success (${a.success}) and fail (${a.fail}) did not change`,
      ],
    };
  }
  if (asleepSec === null)
    throw new Error(
      "the captures cannot tell whether the machine suspended: they have neither /sys/power/suspend_stats counters nor /proc/uptime",
    );
  notes.push(`no ${STATS_DIR} counters: judged by the clocks`);
  if (asleepSec >= 1) return { measurements, notes };
  return {
    measurements,
    notes,
    problems: [
      `no suspend happened: the boot clock ran only ${asleepSec} s ahead of the monotonic clock`,
    ],
  };
}
