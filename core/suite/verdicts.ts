import type { Feature, Severity } from "./suite-schema.js";

/**
 * A requirement's verdict (DESIGN.md, "Verdicts"): `fail` is the product at fault, `error` the
 * harness or infrastructure (retriable, never reported as `fail`), `blocked` a precondition
 * failed or cannot be decided, `skip` not applicable, `pending` an operator answer is missing,
 * `waived` accepted by a waiver (the raw verdict is kept beside it).
 *
 * @public
 */
export type Verdict = "pass" | "fail" | "error" | "blocked" | "skip" | "pending" | "waived";

/** Every verdict, in the order reports list them. @public */
export const VERDICTS: readonly Verdict[] = [
  "pass",
  "fail",
  "error",
  "blocked",
  "skip",
  "pending",
  "waived",
];

/** A feature's status. @public */
export type FeatureStatus = "supported" | "not-supported" | "untested";

/** The overall verdict. @public */
export type Overall = "certified" | "certified-with-restrictions" | "not-certified" | "incomplete";

/** What the algebra needs of a result. @public */
export interface VerdictInput {
  readonly requirement: string;
  readonly feature: string;
  readonly severity: Severity;
  readonly verdict: Verdict;
  readonly reason: string;
}

/** A feature's status with the requirements that decided it. @public */
export interface FeatureOutcome {
  readonly feature: string;
  readonly title: string;
  readonly required: boolean;
  readonly status: FeatureStatus;
  /** `cpu.vtx: fail (vtx.enabled = false, expected true)`, the deciding results. */
  readonly reasons: readonly string[];
}

/** The overall verdict and why. @public */
export interface OverallOutcome {
  readonly overall: Overall;
  readonly features: readonly FeatureOutcome[];
  readonly reasons: readonly string[];
  readonly counts: Readonly<Record<Verdict, number>>;
}

const line = (r: VerdictInput) => `${r.requirement}: ${r.verdict} (${r.reason})`;

/**
 * A feature from its results: a `must` that failed makes it not supported; else a `must` in
 * error, blocked or pending leaves it untested; a feature of which nothing applies to the
 * machine (every result `skip`) is not supported; otherwise it is supported. `should` and `may`
 * results never change the status.
 *
 * @public
 */
export function featureStatus(feature: Feature, results: readonly VerdictInput[]): FeatureOutcome {
  const mine = results.filter((r) => r.feature === feature.id);
  const must = mine.filter((r) => r.severity === "must");
  const base = { feature: feature.id, title: feature.title, required: feature.required };
  const failed = must.filter((r) => r.verdict === "fail");
  if (failed.length > 0) return { ...base, status: "not-supported", reasons: failed.map(line) };
  const open = must.filter(
    (r) => r.verdict === "error" || r.verdict === "blocked" || r.verdict === "pending",
  );
  if (open.length > 0) return { ...base, status: "untested", reasons: open.map(line) };
  if (mine.length > 0 && mine.every((r) => r.verdict === "skip"))
    return { ...base, status: "not-supported", reasons: mine.map(line) };
  if (mine.length === 0) return { ...base, status: "untested", reasons: ["no result"] };
  return { ...base, status: "supported", reasons: [] };
}

/**
 * The overall verdict: a required feature not supported → not certified; else a required
 * feature untested → incomplete; else an optional feature not supported or untested →
 * certified with restrictions; else certified.
 *
 * @public
 */
export function overallVerdict(
  features: readonly Feature[],
  results: readonly VerdictInput[],
): OverallOutcome {
  const outcomes = features.map((f) => featureStatus(f, results));
  const counts = Object.fromEntries(
    (["pass", "fail", "error", "blocked", "skip", "pending", "waived"] as const).map((v) => [
      v,
      results.filter((r) => r.verdict === v).length,
    ]),
  ) as Record<Verdict, number>;
  const required = outcomes.filter((f) => f.required);
  const optional = outcomes.filter((f) => !f.required);
  const describe = (f: FeatureOutcome) =>
    `${f.required ? "required" : "optional"} feature ${f.feature} is ${f.status}${f.reasons.length > 0 ? `: ${f.reasons.join("; ")}` : ""}`;
  const notSupported = required.filter((f) => f.status === "not-supported");
  if (notSupported.length > 0)
    return {
      overall: "not-certified",
      features: outcomes,
      reasons: notSupported.map(describe),
      counts,
    };
  const untested = required.filter((f) => f.status === "untested");
  if (untested.length > 0)
    return { overall: "incomplete", features: outcomes, reasons: untested.map(describe), counts };
  const restricted = optional.filter((f) => f.status !== "supported");
  if (restricted.length > 0)
    return {
      overall: "certified-with-restrictions",
      features: outcomes,
      reasons: restricted.map(describe),
      counts,
    };
  return { overall: "certified", features: outcomes, reasons: [], counts };
}
