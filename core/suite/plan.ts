import { evaluateConditions, requirementFacts } from "./evaluate.js";
import { resolveFact, type FactSources, type ResolvedFact } from "./facts.js";
import type { LoadedSuite } from "./load-suite.js";
import type { Requirement, Severity } from "./suite-schema.js";
import type { TestCatalog, TestInfo } from "./test-catalog.js";
import { waiverCovers, waiverExpired, type LoadedWaiver, type WaiverScope } from "./waivers.js";

/** What the planner decided for a requirement. @public */
export type Decision = "included" | "skipped" | "blocked";

/** How a requirement is decided: from facts, by an active test, by the operator, or both. @public */
export type StepKind = "check" | "test" | "prompt" | "test+prompt";

/** One requirement in the plan, with the decision and the facts behind it. @public */
export interface PlanStep {
  readonly index: number;
  readonly requirement: string;
  readonly title: string | null;
  readonly feature: string;
  readonly severity: Severity;
  readonly source: string;
  readonly kind: StepKind;
  readonly decision: Decision;
  /** Why: `when: esata.ports = 0, expected at least 1`. */
  readonly reason: string;
  /** The facts the requirement reads, with values and evidence. */
  readonly facts: readonly ResolvedFact[];
  readonly test: TestInfo | null;
  /** Ids of the waivers in force for this requirement on this machine. */
  readonly waivers: readonly string[];
}

/** Options of {@link planSuite}: everything the plan depends on besides suite and facts. @public */
export interface PlanOptions {
  /** True when the evidence is the live machine (active tests can run). */
  readonly live: boolean;
  readonly allowDisruptive: boolean;
  readonly tests: TestCatalog;
  readonly waivers: readonly LoadedWaiver[];
  /** `YYYY-MM-DD`, for waiver expiry: passed in so that planning stays pure. */
  readonly today: string;
}

/** A plan: what runs, what does not, and why. @public */
export interface Plan {
  readonly suite: {
    readonly id: string;
    readonly version: string;
    readonly title: string;
    readonly digest: string;
  };
  readonly machine: {
    readonly vendor: string | null;
    readonly product: string | null;
    readonly version: string | null;
    readonly plugin: string | null;
  };
  readonly evidence: "live" | "recorded";
  readonly steps: readonly PlanStep[];
  /** Expired waivers, ignored. */
  readonly warnings: readonly string[];
  readonly counts: {
    readonly included: number;
    readonly skipped: number;
    readonly blocked: number;
  };
}

/**
 * From a suite, the machine's facts, the tests on offer and the waivers to a plan (DESIGN.md,
 * "Verdicts": the planner explains why each requirement is in the plan, skipped or blocked).
 * Pure: the same inputs always give the same plan.
 *
 * @public
 */
export function planSuite(loaded: LoadedSuite, sources: FactSources, options: PlanOptions): Plan {
  const { suite } = loaded;
  const value = (name: string) => resolveFact(name, sources).value as string | null;
  const machine = {
    vendor: value("system.vendor"),
    product: value("system.product"),
    version: value("system.version"),
    plugin: value("platform.plugin"),
  };
  const scope: WaiverScope = { suiteId: suite.id, suiteVersion: suite.version, ...machine };
  const warnings = options.waivers
    .filter((w) => waiverExpired(w.waiver, options.today))
    .map((w) => `waiver ${w.waiver.id} (${w.file}) expired on ${w.waiver.expires}; it is ignored`);
  const active = options.waivers.filter((w) => !waiverExpired(w.waiver, options.today));
  const steps = suite.requirements.map((r, index): PlanStep => {
    const test = r.test === undefined ? null : (options.tests.get(r.test) ?? null);
    const { decision, reason } = decide(r, test, sources, options);
    return {
      index,
      requirement: r.id,
      title: r.title ?? null,
      feature: r.feature,
      severity: r.severity,
      source: r.source,
      kind:
        r.check !== undefined
          ? "check"
          : r.test !== undefined
            ? r.prompt !== undefined
              ? "test+prompt"
              : "test"
            : "prompt",
      decision,
      reason,
      facts: requirementFacts(r, sources),
      test,
      waivers: active.filter((w) => waiverCovers(w.waiver, r.id, scope)).map((w) => w.waiver.id),
    };
  });
  const count = (d: Decision) => steps.filter((s) => s.decision === d).length;
  return {
    suite: { id: suite.id, version: suite.version, title: suite.title, digest: loaded.digest },
    machine,
    evidence: options.live ? "live" : "recorded",
    steps,
    warnings,
    counts: { included: count("included"), skipped: count("skipped"), blocked: count("blocked") },
  };
}

function decide(
  r: Requirement,
  test: TestInfo | null,
  sources: FactSources,
  options: PlanOptions,
): { decision: Decision; reason: string } {
  if (r.when !== undefined) {
    const when = evaluateConditions(r.when, sources);
    const words = when.outcomes.map((o) => o.text).join("; ");
    if (when.holds === false) return { decision: "skipped", reason: `when: ${words}` };
    if (when.holds === null)
      return {
        decision: "blocked",
        reason: `when cannot be decided, the evidence does not tell: ${words}`,
      };
  }
  const applies = r.when === undefined ? "" : "when holds; ";
  if (r.check !== undefined) {
    const check = evaluateConditions(r.check, sources);
    const words = check.outcomes.map((o) => o.text).join("; ");
    const now = check.holds === null ? "undecided" : check.holds ? "holds" : "does not hold";
    return { decision: "included", reason: `${applies}check (${now} on this evidence): ${words}` };
  }
  if (test !== null) {
    if (test.live && !options.live)
      return {
        decision: "blocked",
        reason: `${applies}test ${test.id} needs the live machine; the evidence is recorded (run it on the machine, or merge a live session)`,
      };
    if (test.disruptive && !options.allowDisruptive)
      return {
        decision: "blocked",
        reason: `${applies}test ${test.id} is disruptive (${test.transition ? "the machine leaves this session and comes back" : "it changes the machine's state"}); run with --allow-disruptive`,
      };
    return {
      decision: "included",
      reason: `${applies}test ${test.id} (${test.origin})${r.prompt === undefined ? "" : ", with an operator prompt"}`,
    };
  }
  return {
    decision: "included",
    reason: `${applies}operator prompt (${r.prompt?.kind ?? "confirm"})`,
  };
}
