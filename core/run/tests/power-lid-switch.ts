import { setTimeout as sleep } from "node:timers/promises";
import { parseButtonState } from "../../inventory/power/parse-button-state.js";
import type { ActiveTestResult } from "../../plugin/api.js";
import type { CoreTest } from "./core-test.js";
import { numberParam } from "./params.js";
import { listRoot, readRootText } from "./root-files.js";

/** A lid state seen at a moment of the watch. @public */
export interface LidSample {
  readonly state: "open" | "closed";
  /** Milliseconds since the watch started. */
  readonly atMs: number;
  /** Wall-clock time, for the notes. */
  readonly at: Date;
}

/**
 * Follows the lid's state through a watch: records each change, and is done once it has seen the
 * lid closed and then open again (a lid already closed when the watch starts counts as closed).
 *
 * @public
 */
export class LidWatch {
  private readonly changes: LidSample[] = [];
  private closedAt: LidSample | null = null;
  private reopenedAt: LidSample | null = null;

  /** The state last seen; `null` before the first sample. */
  get current(): "open" | "closed" | null {
    return this.changes[this.changes.length - 1]?.state ?? null;
  }

  /** Records a sample; true once closed → open has been seen. */
  observe(sample: LidSample): boolean {
    const last = this.changes[this.changes.length - 1];
    if (last === undefined || last.state !== sample.state) this.changes.push(sample);
    if (sample.state === "closed" && this.closedAt === null) this.closedAt = sample;
    if (sample.state === "open" && this.closedAt !== null && this.reopenedAt === null)
      this.reopenedAt = sample;
    return this.reopenedAt !== null;
  }

  /** The result after `watchedMs` of watching `file`. */
  result(file: string, watchedMs: number): ActiveTestResult {
    const notes = this.changes.map(
      (c, i) =>
        `${i === 0 ? "lid" : "lid →"} ${c.state} at +${(c.atMs / 1000).toFixed(1)} s (${c.at.toISOString()})`,
    );
    const seconds = (watchedMs / 1000).toFixed(1);
    if (this.closedAt !== null && this.reopenedAt !== null) {
      const closedSec = Math.round((this.reopenedAt.atMs - this.closedAt.atMs) / 100) / 10;
      return {
        measurements: [{ name: "closedSec", value: closedSec, unit: "s" }],
        notes: [`${file}: closed, then open again after ${closedSec} s`, ...notes],
      };
    }
    const first = this.changes[0];
    const problem =
      this.closedAt !== null
        ? `the lid closed at +${(this.closedAt.atMs / 1000).toFixed(1)} s and did not open again within ${seconds} s`
        : `the lid state stayed ${first?.state ?? "unknown"} for ${seconds} s`;
    return { measurements: [], notes, problems: [`${problem} (${file})`] };
  }
}

const LID_DIR = "/proc/acpi/button/lid";
const POLL_MS = 100;

/**
 * `power.lid-switch`: the kernel sees the lid close and open. Polls the ACPI lid's state
 * (drivers/acpi/button.c: `/proc/acpi/button/lid/<name>/state`) while the operator, prompted by
 * the runner, closes and opens the lid; this is the observation that cross-checks the answer.
 *
 * @public
 */
export const powerLidSwitch: CoreTest = {
  id: "power.lid-switch",
  title: "The lid switch reports closed, then open",
  params: {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    additionalProperties: false,
    properties: {
      watchSec: {
        type: "number",
        minimum: 0.1,
        maximum: 600,
        description: "How long to watch the lid for a close and an open, in seconds. Default 30.",
      },
    },
  },
  live: true,
  timeoutSec: 660,
  async run(context) {
    const watchSec = numberParam(context.params, "watchSec", 30);
    const lids = await listRoot(context.root, LID_DIR);
    const withState: string[] = [];
    for (const lid of lids ?? [])
      if ((await readRootText(context.root, `${LID_DIR}/${lid}/state`)) !== null)
        withState.push(lid);
    const [lid, ...others] = withState;
    if (lid === undefined)
      return {
        measurements: [],
        skip: `no ${LID_DIR}/*/state: the answer cannot be cross-checked`,
      };
    const file = `${LID_DIR}/${lid}/state`;
    const read = async (): Promise<"open" | "closed" | null> => {
      const text = await readRootText(context.root, file);
      if (text === null)
        throw new Error(`${file} disappeared during the watch (button module unloaded?)`);
      const parsed = parseButtonState(text, file);
      const bad = parsed.diagnostics[0];
      if (bad !== undefined) throw new Error(bad.message);
      return parsed.value;
    };
    const watch = new LidWatch();
    const started = process.hrtime.bigint();
    const elapsedMs = (): number => Number(process.hrtime.bigint() - started) / 1e6;
    const initial = await read();
    if (initial === null)
      return {
        measurements: [],
        skip: `${file} says "unsupported": the firmware does not report the lid, the answer cannot be cross-checked`,
      };
    context.log(
      `watching ${file} for ${watchSec} s: the lid is ${initial}; close it, then open it`,
    );
    let done = watch.observe({ state: initial, atMs: 0, at: new Date() });
    while (!done && elapsedMs() < watchSec * 1000) {
      try {
        await sleep(POLL_MS, undefined, { signal: context.signal });
      } catch {
        throw new Error(
          `watching ${file} stopped after ${(elapsedMs() / 1000).toFixed(1)} s: the test ran out of time`,
        );
      }
      const state = await read();
      if (state === null) throw new Error(`${file} turned "unsupported" during the watch`);
      const sample = { state, atMs: elapsedMs(), at: new Date() };
      if (state !== watch.current)
        context.log(`lid ${state} at +${(sample.atMs / 1000).toFixed(1)} s`);
      done = watch.observe(sample);
    }
    const result = watch.result(file, elapsedMs());
    return others.length === 0
      ? result
      : {
          ...result,
          notes: [...(result.notes ?? []), `other lids not watched: ${others.join(", ")}`],
        };
  },
};
