import path from "node:path";
import { HclError } from "../errors/hcl-error.js";
import type { Inventory } from "../inventory/inventory.js";
import type { ActiveTestResult } from "../plugin/api.js";
import type { ProbedDevice } from "../plugin/driver-runner.js";
import { evaluateConditions, judgeMeasurement } from "../suite/evaluate.js";
import type { Plan, PlanStep } from "../suite/plan.js";
import type { Prompt, Requirement, Suite } from "../suite/suite-schema.js";
import { overallVerdict, type OverallOutcome, type Verdict } from "../suite/verdicts.js";
import type { Waiver } from "../suite/waivers.js";
import { judgeAnswer, type Answer } from "./answers.js";
import type { ChildTest } from "./child-protocol.js";
import type { EventSink } from "./events.js";
import { executeTest } from "./execute-test.js";
import type { SessionStore } from "./session-store.js";
import { SESSION_FILES, stepStem } from "./session-store.js";
import type { Attempt, JudgedMeasurement, RequirementResult } from "./session-types.js";
import type { Transition } from "./tests/core-test.js";

/** Asks the operator a prompt; `null` leaves it pending ("later"). @public */
export type Asker = (prompt: Prompt, requirement: Requirement) => Promise<Answer | null>;

/** Everything a run of the steps needs besides the session folder. @public */
export interface Drive {
  readonly events: EventSink;
  /** Present on an interactive terminal and without `--non-interactive`. */
  readonly ask?: Asker;
  readonly answers: ReadonlyMap<string, Answer>;
  /** Ctrl-C: the current test is killed and the run stops, resumable. */
  readonly signal?: AbortSignal;
  /** Root of the live machine, for tests. */
  readonly root: string;
  /** `--tpm SPEC` for the TPM tests; `null` for the default. */
  readonly tpm?: string | null;
  /** How the tests of the plan are run: core tests by id, plugin tests from their module. */
  readonly childTests: ReadonlyMap<string, ChildTest>;
  /** The transitions of tests expected not to return, by test id. */
  readonly transitions: ReadonlyMap<string, Transition>;
  /** Clock, for results; `Date.now` by default. */
  readonly now?: () => number;
}

/** The state a run works from, read from the session folder. @public */
export interface SessionState {
  readonly store: SessionStore;
  readonly id: string;
  readonly suite: Suite;
  readonly plan: Plan;
  readonly inventory: Inventory;
  readonly devices: readonly ProbedDevice[];
  readonly waivers: readonly Waiver[];
}

/** How a run of the steps ended. @public */
export interface RunOutcome {
  /** False when the run was interrupted before the last step. */
  readonly finished: boolean;
  readonly results: readonly RequirementResult[];
  readonly outcome: OverallOutcome;
}

const DEFAULT_RETRIES = 2;

/**
 * Runs every step of the plan that has no result yet, in order, writing each result durably
 * before the next step starts (DESIGN.md, "Sessions"). Steps with a result are never run
 * again, so a session resumed after a kill continues where it stopped; a test whose running
 * marker survived a kill was interrupted and runs again (the interrupted try is recorded), and
 * a step expected not to return is verified from the state captured before it. Pending
 * prompts are asked again when an answer can now be had.
 *
 * @public
 */
export async function runSteps(state: SessionState, drive: Drive): Promise<RunOutcome> {
  const { store, plan } = state;
  const now = drive.now ?? Date.now;
  const done = store.results();
  const total = plan.steps.length;
  const durations: number[] = [];
  drive.events({
    type: "session",
    session: state.id,
    dir: store.dir,
    resumed: done.size > 0,
    total,
    done: [...done.values()].filter((r) => r.verdict !== "pending").length,
  });
  let interrupted: string | null = null;
  for (const step of plan.steps) {
    const previous = done.get(step.index);
    if (previous !== undefined && !(previous.verdict === "pending" && canAnswer(step, drive)))
      continue;
    if (drive.signal?.aborted === true) {
      interrupted = step.requirement;
      break;
    }
    drive.events({
      type: "step",
      index: step.index + 1,
      total,
      requirement: step.requirement,
      kind: step.kind,
      etaMs: eta(plan.steps.slice(step.index), durations),
    });
    const requirement = state.suite.requirements[step.index] as Requirement;
    const startedAt = new Date(now()).toISOString();
    const t0 = now();
    const decided = await decideStep(step, requirement, state, drive);
    if (decided === "interrupted") {
      interrupted = step.requirement;
      break;
    }
    durations.push(now() - t0);
    const result = adjudicate(
      step,
      requirement,
      decided,
      state,
      startedAt,
      new Date(now()).toISOString(),
    );
    store.writeResult(result);
    if (step.test !== null) store.removeMarker(step.index, step.requirement);
    done.set(step.index, result);
    drive.events({
      type: "result",
      index: step.index + 1,
      total,
      requirement: step.requirement,
      verdict: result.verdict,
      raw: result.raw,
      reason: result.reason,
      durationMs: now() - t0,
    });
  }
  const results = [...done.values()].sort((a, b) => a.index - b.index);
  const outcome = overallVerdict(state.suite.features, results);
  if (interrupted !== null) {
    drive.events({ type: "interrupted", requirement: interrupted });
    return { finished: false, results, outcome: { ...outcome, overall: "incomplete" } };
  }
  drive.events({
    type: "finished",
    overall: outcome.overall,
    counts: outcome.counts,
    reasons: outcome.reasons,
  });
  return { finished: true, results, outcome };
}

function canAnswer(step: PlanStep, drive: Drive): boolean {
  return drive.answers.has(step.requirement) || drive.ask !== undefined;
}

function eta(remaining: readonly PlanStep[], durations: readonly number[]): number | null {
  if (durations.length === 0) return null;
  const average = durations.reduce((a, b) => a + b, 0) / durations.length;
  return Math.round(remaining.filter((s) => s.decision === "included").length * average);
}

/** What deciding a step gave, before waivers. */
interface Decided {
  readonly raw: Verdict;
  readonly reason: string;
  readonly marginal?: boolean;
  readonly measurements?: readonly JudgedMeasurement[];
  readonly testFacts?: RequirementResult["testFacts"];
  readonly notes?: readonly string[];
  readonly answer?: RequirementResult["answer"];
  readonly attempts?: readonly Attempt[];
  readonly output?: string | null;
}

async function decideStep(
  step: PlanStep,
  requirement: Requirement,
  state: SessionState,
  drive: Drive,
): Promise<Decided | "interrupted"> {
  if (step.decision === "skipped") return { raw: "skip", reason: step.reason };
  if (step.decision === "blocked") return { raw: "blocked", reason: step.reason };
  if (requirement.check !== undefined) {
    const { holds, outcomes } = evaluateConditions(requirement.check, {
      inventory: state.inventory,
      devices: state.devices,
    });
    const words = outcomes.map((o) => o.text).join("; ");
    if (holds === null) return { raw: "blocked", reason: `the evidence does not tell: ${words}` };
    return { raw: holds ? "pass" : "fail", reason: words };
  }
  if (requirement.test !== undefined) return runTestStep(step, requirement, state, drive);
  const answered = await answerFor(step, requirement.prompt as Prompt, requirement, drive);
  if (answered === null)
    return { raw: "pending", reason: `no answer yet to: ${(requirement.prompt as Prompt).text}` };
  const judged = judgeAnswer(requirement.prompt as Prompt, answered.value);
  return { raw: judged.pass ? "pass" : "fail", reason: judged.text, answer: answered };
}

async function answerFor(
  step: PlanStep,
  prompt: Prompt,
  requirement: Requirement,
  drive: Drive,
): Promise<RequirementResult["answer"]> {
  const given = drive.answers.get(step.requirement);
  if (given !== undefined) return { value: given, from: "answers-file" };
  if (drive.ask === undefined) return null;
  drive.events({ type: "prompt", requirement: step.requirement, text: prompt.text });
  const value = await drive.ask(prompt, requirement);
  return value === null ? null : { value, from: "terminal" };
}

async function runTestStep(
  step: PlanStep,
  requirement: Requirement,
  state: SessionState,
  drive: Drive,
): Promise<Decided | "interrupted"> {
  const { store } = state;
  const info = step.test;
  const child = drive.childTests.get(requirement.test as string);
  if (info === null || child === undefined)
    return { raw: "error", reason: `test ${requirement.test ?? "?"} is not available to this run` };
  const stem = stepStem(step.index, step.requirement);
  const output = path.join(SESSION_FILES.output, `${stem}.log`);
  const transition = drive.transitions.get(info.id);
  const now = drive.now ?? Date.now;
  const marker = store.marker(step.index, step.requirement);
  const attempts: Attempt[] = [...(marker?.attempts ?? [])];

  // The step did not return to the process that started it (suspend, reboot): the state
  // captured before tells whether the transition happened.
  if (marker !== undefined && transition !== undefined && marker.before !== undefined) {
    const after = await transition.capture(drive.root);
    const verified = transition.verify(marker.before as never, after);
    attempts.push({
      n: attempts.length + 1,
      startedAt: marker.startedAt,
      durationMs: now() - Date.parse(marker.startedAt),
      outcome: verified.problems?.length ? "fail" : "pass",
    });
    return fromTestResult(
      verified,
      requirement,
      info.measures,
      attempts,
      output,
      "verified in the resumed session: ",
    );
  }
  if (marker !== undefined)
    attempts.push({
      n: attempts.length + 1,
      startedAt: marker.startedAt,
      durationMs: 0,
      outcome: "interrupted",
    });

  const retries = requirement.retries ?? state.suite.retries ?? DEFAULT_RETRIES;
  const timeoutMs = Math.round((requirement.timeoutSec ?? info.timeoutSec) * 1000);
  const answerPromise =
    requirement.prompt === undefined
      ? undefined
      : answerFor(step, requirement.prompt, requirement, drive);
  for (;;) {
    const startedAt = new Date(now()).toISOString();
    const before = transition === undefined ? undefined : await transition.capture(drive.root);
    store.writeMarker({
      index: step.index,
      requirement: step.requirement,
      attempts,
      startedAt,
      ...(before === undefined ? {} : { before }),
    });
    const execution = await executeTest(
      {
        type: "run",
        test: child,
        params: requirement.params ?? {},
        root: drive.root,
        tpm: drive.tpm ?? null,
        inventory: state.inventory,
        devices: state.devices.map((d) => d.device),
      },
      {
        timeoutMs,
        outputFile: store.file(output),
        ...(drive.signal === undefined ? {} : { signal: drive.signal }),
      },
    );
    if (drive.signal?.aborted === true) {
      attempts.push({
        n: attempts.length + 1,
        startedAt,
        durationMs: execution.durationMs,
        outcome: "interrupted",
      });
      store.writeMarker({ index: step.index, requirement: step.requirement, attempts, startedAt });
      return "interrupted";
    }
    if (!execution.ok) {
      attempts.push({
        n: attempts.length + 1,
        startedAt,
        durationMs: execution.durationMs,
        outcome: "error",
        error: { code: execution.error.code, message: execution.error.message },
      });
      const tries = attempts.filter((a) => a.outcome === "error").length;
      if (tries <= retries) {
        drive.events({
          type: "attempt",
          requirement: step.requirement,
          n: tries,
          error: execution.error.message,
        });
        continue;
      }
      return {
        raw: "error",
        reason: `${execution.error.message} (${tries} ${tries === 1 ? "try" : "tries"})`,
        attempts,
        output,
      };
    }
    let result = execution.result;
    if (transition !== undefined && before !== undefined)
      result = merge(result, transition.verify(before, await transition.capture(drive.root)));
    const decided = fromTestResult(result, requirement, info.measures, [], output, "");
    attempts.push({
      n: attempts.length + 1,
      startedAt,
      durationMs: execution.durationMs,
      outcome: decided.raw,
    });
    const withAttempts = { ...decided, attempts };
    if (answerPromise === undefined) return withAttempts;
    return combineWithAnswer(withAttempts, requirement.prompt as Prompt, await answerPromise);
  }
}

function merge(a: ActiveTestResult, b: ActiveTestResult): ActiveTestResult {
  return {
    measurements: [...a.measurements, ...b.measurements],
    facts: { ...(a.facts ?? {}), ...(b.facts ?? {}) },
    notes: [...(a.notes ?? []), ...(b.notes ?? [])],
    problems: [...(a.problems ?? []), ...(b.problems ?? [])],
    ...(a.skip === undefined ? {} : { skip: a.skip }),
  };
}

function fromTestResult(
  result: ActiveTestResult,
  requirement: Requirement,
  measures: { readonly name: string; readonly unit: string } | undefined,
  attempts: readonly Attempt[],
  output: string,
  prefix: string,
): Decided {
  const limits = requirement.limits ?? null;
  const target = limits?.measurement ?? measures?.name;
  let marginal = false;
  let judgedText: string | null = null;
  let limitFailed = false;
  const measurements: JudgedMeasurement[] = result.measurements.map((m) => {
    if (
      limits === null ||
      (target !== undefined && m.name !== target) ||
      (target === undefined && m !== result.measurements[0])
    )
      return { ...m, limits: null, judged: null, marginal: false };
    const judged = judgeMeasurement(m.value, limits);
    marginal = judged.marginal;
    judgedText = `${m.name} ${judged.text}`;
    limitFailed = !judged.pass;
    return { ...m, limits, judged: judged.text, marginal: judged.marginal };
  });
  const base = {
    measurements,
    testFacts: result.facts ?? {},
    notes: result.notes ?? [],
    attempts,
    output,
    marginal,
  };
  if (result.skip !== undefined) return { ...base, raw: "skip", reason: `${prefix}${result.skip}` };
  if (limits !== null && judgedText === null)
    return {
      ...base,
      raw: "error",
      reason: `${prefix}the test gave no measurement ${target ?? "to judge"} (it gave ${result.measurements.map((m) => m.name).join(", ") || "none"})`,
    };
  const problems = result.problems ?? [];
  if (problems.length > 0 || limitFailed)
    return {
      ...base,
      raw: "fail",
      reason:
        prefix +
        [...(judgedText !== null && limitFailed ? [judgedText] : []), ...problems].join("; "),
    };
  return {
    ...base,
    raw: "pass",
    reason: prefix + (judgedText ?? result.notes?.[0] ?? "the test found no problem"),
  };
}

/** A test with an operator prompt: the answer and the observation must agree. */
function combineWithAnswer(
  decided: Decided,
  prompt: Prompt,
  answer: RequirementResult["answer"],
): Decided {
  if (answer === null)
    return {
      ...decided,
      raw: "pending",
      reason: `no answer yet to: ${prompt.text} (observed: ${decided.reason})`,
    };
  const judged = judgeAnswer(prompt, answer.value);
  if (decided.raw === "error") return { ...decided, answer };
  if (decided.raw === "skip")
    return {
      ...decided,
      answer,
      raw: judged.pass ? "pass" : "fail",
      reason: `${judged.text}; not cross-checked: ${decided.reason}`,
    };
  if (!judged.pass)
    return {
      ...decided,
      answer,
      raw: "fail",
      reason: `${judged.text}; observed: ${decided.reason}`,
    };
  return { ...decided, answer, reason: `${judged.text}; observed: ${decided.reason}` };
}

function adjudicate(
  step: PlanStep,
  requirement: Requirement,
  decided: Decided,
  state: SessionState,
  startedAt: string,
  finishedAt: string,
): RequirementResult {
  const waiver =
    decided.raw === "fail" || decided.raw === "blocked"
      ? state.waivers.find((w) => step.waivers.includes(w.id))
      : undefined;
  return {
    index: step.index,
    requirement: step.requirement,
    title: requirement.title ?? null,
    feature: step.feature,
    severity: step.severity,
    source: step.source,
    kind: step.kind,
    raw: decided.raw,
    verdict: waiver === undefined ? decided.raw : "waived",
    reason:
      waiver === undefined
        ? decided.reason
        : `${decided.reason} — waived by ${waiver.id} until ${waiver.expires}: ${waiver.reason}`,
    marginal: decided.marginal ?? false,
    measurements: decided.measurements ?? [],
    facts: step.facts,
    testFacts: decided.testFacts ?? {},
    notes: decided.notes ?? [],
    answer: decided.answer ?? null,
    waiver:
      waiver === undefined
        ? null
        : {
            id: waiver.id,
            reason: waiver.reason,
            issuer: waiver.issuer,
            expires: waiver.expires,
            ticket: waiver.ticket,
          },
    attempts: decided.attempts ?? [],
    output: decided.output ?? null,
    evidence: step.facts.flatMap((f) => f.evidence),
    startedAt,
    finishedAt,
  };
}

/** Reads a session's state back from its folder. @public */
export function readSessionState(store: SessionStore): SessionState {
  const manifest = store.readJson<{ id: string }>(SESSION_FILES.manifest);
  const plan = store.readJson<Plan>(SESSION_FILES.plan);
  const suite = store.readJson<{ suite: Suite }>(SESSION_FILES.suiteJson).suite;
  if (suite.requirements.length !== plan.steps.length)
    throw new HclError(
      "HCL_E_SESSION_CORRUPT",
      `${store.dir}: the plan and the suite of the session disagree`,
      {
        details: { dir: store.dir },
      },
    );
  return {
    store,
    id: manifest.id,
    suite,
    plan,
    inventory: store.readJson<Inventory>(SESSION_FILES.inventory),
    devices: store.readJson<ProbedDevice[]>(SESSION_FILES.devices),
    waivers: store.readJson<Waiver[]>(SESSION_FILES.waivers),
  };
}
