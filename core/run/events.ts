import type { Overall, Verdict } from "../suite/verdicts.js";

/**
 * What a run reports as it goes: the CLI draws them (live display on a TTY, plain lines
 * otherwise) or streams them as NDJSON for CI (`--events ndjson`). Every event carries the
 * session id and a timestamp when emitted.
 *
 * @public
 */
export type RunEvent =
  | {
      readonly type: "session";
      readonly session: string;
      readonly dir: string;
      readonly resumed: boolean;
      readonly total: number;
      readonly done: number;
    }
  | {
      readonly type: "step";
      readonly index: number;
      readonly total: number;
      readonly requirement: string;
      readonly kind: string;
      /** Estimated milliseconds left, from the durations so far and the tests' bounds. */
      readonly etaMs: number | null;
    }
  | {
      readonly type: "attempt";
      readonly requirement: string;
      readonly n: number;
      readonly error: string;
    }
  | { readonly type: "prompt"; readonly requirement: string; readonly text: string }
  | {
      readonly type: "result";
      readonly index: number;
      readonly total: number;
      readonly requirement: string;
      readonly verdict: Verdict;
      readonly raw: Verdict;
      readonly reason: string;
      readonly durationMs: number;
    }
  | { readonly type: "warning"; readonly message: string }
  | {
      readonly type: "finished";
      readonly overall: Overall;
      readonly counts: Readonly<Record<Verdict, number>>;
      readonly reasons: readonly string[];
    }
  | { readonly type: "interrupted"; readonly requirement: string | null };

/** Receives run events. @public */
export type EventSink = (event: RunEvent) => void;
