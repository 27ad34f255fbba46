import type { Evidence, Fact, Measurement } from "../plugin/api.js";
import type { ResolvedFact } from "../suite/facts.js";
import type { StepKind } from "../suite/plan.js";
import type { Limits, Severity } from "../suite/suite-schema.js";
import type { Verdict } from "../suite/verdicts.js";
import type { Answer } from "./answers.js";

/** The format tag of `session.json`; bumped when a session written before cannot be resumed. @public */
export const SESSION_FORMAT = "hclkit-session/1";

/** `session.json`: what was run, on what, with which definitions. Written once, at the start. @public */
export interface SessionManifest {
  readonly format: typeof SESSION_FORMAT;
  readonly id: string;
  readonly createdAt: string;
  readonly hclkit: string;
  readonly node: string;
  readonly kernel: string;
  readonly host: string;
  readonly suite: {
    readonly ref: string;
    readonly id: string;
    readonly version: string;
    readonly title: string;
    readonly digest: string;
    readonly file: string;
  };
  readonly plugins: readonly {
    readonly name: string;
    readonly version: string;
    readonly digest: string;
  }[];
  readonly platform: string | null;
  readonly evidence: {
    readonly kind: "live" | "recorded";
    /** The live root, or the recorded source as given. */
    readonly source: string;
    /** The snapshot captured into the session (`evidence.tar.gz`), for live runs. */
    readonly snapshot: string | null;
  };
  readonly options: {
    readonly allowDisruptive: boolean;
    readonly nonInteractive: boolean;
    readonly answers: { readonly file: string; readonly digest: string } | null;
    readonly waivers: readonly {
      readonly id: string;
      readonly file: string;
      readonly digest: string;
    }[];
    readonly today: string;
  };
  /** `/proc/sys/kernel/random/boot_id` when the session started, for reboot detection. */
  readonly bootId: string | null;
}

/** One try of a requirement. @public */
export interface Attempt {
  readonly n: number;
  readonly startedAt: string;
  readonly durationMs: number;
  /** The try's own outcome; `interrupted` when the runner was killed or stopped during it. */
  readonly outcome: Verdict | "interrupted";
  readonly error?: { readonly code: string; readonly message: string };
}

/** A measurement with the limits it was judged against. @public */
export interface JudgedMeasurement extends Measurement {
  readonly limits: Limits | null;
  readonly judged: string | null;
  readonly marginal: boolean;
}

/**
 * One requirement's result, `results/NNN-<id>.json`: written durably once decided, never
 * rewritten except when a pending answer arrives on resume.
 *
 * @public
 */
export interface RequirementResult {
  readonly index: number;
  readonly requirement: string;
  readonly title: string | null;
  readonly feature: string;
  readonly severity: Severity;
  readonly source: string;
  readonly kind: StepKind;
  /** The verdict before waivers. */
  readonly raw: Verdict;
  /** The verdict after waivers: `waived` when one applied. */
  readonly verdict: Verdict;
  readonly reason: string;
  readonly marginal: boolean;
  readonly measurements: readonly JudgedMeasurement[];
  readonly facts: readonly ResolvedFact[];
  /** Facts an active test established. */
  readonly testFacts: Readonly<Record<string, Fact>>;
  readonly notes: readonly string[];
  readonly answer: { readonly value: Answer; readonly from: "terminal" | "answers-file" } | null;
  readonly waiver: {
    readonly id: string;
    readonly reason: string;
    readonly issuer: string;
    readonly expires: string;
    readonly ticket: string;
  } | null;
  readonly attempts: readonly Attempt[];
  /** Output of the test, relative to the session folder. */
  readonly output: string | null;
  readonly evidence: readonly Evidence[];
  readonly startedAt: string;
  readonly finishedAt: string;
}

/** `running/NNN-<id>.json`: written before a test starts, removed once its result is written. @public */
export interface RunningMarker {
  readonly index: number;
  readonly requirement: string;
  readonly attempts: readonly Attempt[];
  readonly startedAt: string;
  /** For steps expected not to return: the state captured before. */
  readonly before?: unknown;
}
