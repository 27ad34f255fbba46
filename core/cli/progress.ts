import type { RunEvent } from "../run/events.js";
import type { TextSink } from "../log/logger.js";

/** How a run shows its progress. @public */
export type ProgressMode = "tty" | "plain" | "ndjson" | "quiet";

/** A progress display: receives events, and is paused while the operator answers a prompt. */
export interface Progress {
  readonly event: (event: RunEvent) => void;
  readonly pause: () => void;
  readonly stop: () => void;
}

const MARK: Record<string, string> = {
  pass: "✔",
  fail: "✖",
  error: "!",
  blocked: "■",
  skip: "-",
  pending: "?",
  waived: "~",
};

function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** One line per result, as plain text (not a TTY) or above the live display. */
export function resultLine(event: Extract<RunEvent, { type: "result" }>): string {
  const waived = event.verdict === "waived" ? ` (raw ${event.raw})` : "";
  return `${MARK[event.verdict] ?? " "} [${event.index}/${event.total}] ${event.requirement}: ${event.verdict}${waived} — ${event.reason}`;
}

/**
 * The progress of a run: on a TTY a live display (step N of M, the current requirement, elapsed
 * and estimated time left) drawn with log-update, results scrolling above it; plain lines when
 * not a TTY; one JSON object per line on stdout with `--events ndjson`.
 *
 * @public
 */
export async function createProgress(
  mode: ProgressMode,
  out: TextSink & { columns?: number },
  err: TextSink,
  now: () => number = Date.now,
): Promise<Progress> {
  const started = now();
  if (mode === "quiet")
    return { event: () => undefined, pause: () => undefined, stop: () => undefined };
  if (mode === "ndjson")
    return {
      event: (e) => out.write(`${JSON.stringify({ ...e, at: new Date(now()).toISOString() })}\n`),
      pause: () => undefined,
      stop: () => undefined,
    };
  const plain = (e: RunEvent): string | null => {
    switch (e.type) {
      case "session":
        return e.resumed
          ? `resuming session ${e.session}: ${e.done} of ${e.total} done`
          : `session ${e.session} in ${e.dir}`;
      case "result":
        return resultLine(e);
      case "attempt":
        return `  retry ${e.n} of ${e.requirement}: ${e.error}`;
      case "warning":
        return `warning: ${e.message}`;
      case "interrupted":
        return `interrupted${e.requirement === null ? "" : ` at ${e.requirement}`}`;
      default:
        return null;
    }
  };
  if (mode === "plain")
    return {
      event: (e) => {
        const line = plain(e);
        if (line !== null) err.write(`${line}\n`);
      },
      pause: () => undefined,
      stop: () => undefined,
    };
  const { createLogUpdate } = await import("log-update");
  const draw = createLogUpdate(err as NodeJS.WritableStream, { showCursor: true });
  let current: Extract<RunEvent, { type: "step" }> | null = null;
  const frame = (): void => {
    if (current === null) return;
    const left = current.etaMs === null ? "estimating" : `~${clock(current.etaMs)} left`;
    draw(
      `▶ step ${current.index} of ${current.total}: ${current.requirement} (${current.kind})\n  elapsed ${clock(now() - started)}, ${left}`,
    );
  };
  const timer = setInterval(frame, 1000);
  timer.unref();
  return {
    event: (e) => {
      if (e.type === "step") {
        current = e;
        frame();
        return;
      }
      const line = plain(e);
      if (line !== null) {
        draw.clear();
        err.write(`${line}\n`);
        frame();
      }
      if (e.type === "finished" || e.type === "interrupted") {
        current = null;
        draw.clear();
      }
    },
    pause: () => draw.clear(),
    stop: () => {
      clearInterval(timer);
      draw.clear();
    },
  };
}
