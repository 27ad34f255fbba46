import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { createSession } from "../../../../core/run/open-session.js";
import { runSteps, type Drive } from "../../../../core/run/runner.js";
import type { RunEvent } from "../../../../core/run/events.js";
import type { Transition } from "../../../../core/run/tests/core-test.js";
import { CORPUS } from "../../../helpers/corpus.js";
import { makeHost } from "../../../helpers/host.js";
import { fixturePlugin } from "../../../helpers/paths.js";
import { useTmpDirs } from "../../../helpers/tmp.js";

const T410 = path.join(CORPUS, "lenovo-thinkpad-t410-2537pw4");

const SUITE = `id: transit
version: 1.0.0
title: Transition fixture
features:
  - { id: core, title: Core, required: true }
requirements:
  - { id: sleep, feature: core, severity: must, source: fixture, test: fixture.slow, params: { ms: 10, value: 1 } }
  - { id: after, feature: core, severity: must, source: fixture, check: { fact: vtx.capable, equals: true } }
`;

/** A transition over a counter file: the "machine" slept when the counter moved. */
function counterTransition(file: string): Transition {
  return {
    capture: () => Promise.resolve(Number(readFileSync(file, "utf8"))),
    verify: (before, after) =>
      (after as number) > (before as number)
        ? {
            measurements: [],
            notes: [`counter ${JSON.stringify(before)} → ${JSON.stringify(after)}`],
          }
        : {
            measurements: [],
            problems: [`the counter stayed at ${JSON.stringify(after)}: no transition happened`],
          },
  };
}

describe("core/run/runner", () => {
  const tmp = useTmpDirs();

  async function session(dir: string) {
    writeFileSync(path.join(dir, "suite.yaml"), SUITE);
    const { host } = makeHost({ cwd: dir }, { plugins: [fixturePlugin("slow-tests")] }, dir);
    const opened = await createSession(host, {
      suite: "suite.yaml",
      cwd: dir,
      suiteDirs: [],
      from: T410,
      root: "/",
      out: "s",
      nonInteractive: true,
      allowDisruptive: true,
      hclkitVersion: "0.0.0-test",
      now: () => new Date("2026-11-23T12:00:00Z"),
    });
    return opened;
  }

  function drive(
    opened: Awaited<ReturnType<typeof session>>,
    transition: Transition,
    events: RunEvent[],
  ): Drive {
    return {
      events: (e) => events.push(e),
      answers: new Map(),
      root: "/",
      childTests: opened.tests.childTests,
      transitions: new Map([["fixture.slow", transition]]),
    };
  }

  it("verifies a step that did not return from the state captured before it", async () => {
    const dir = tmp();
    const counter = path.join(dir, "counter");
    writeFileSync(counter, "5");
    const opened = await session(dir);
    // The process that started the step died inside it (the machine suspended, the battery
    // ran out): only its running marker, with the state captured before, survived.
    opened.state.store.writeMarker({
      index: 0,
      requirement: "sleep",
      attempts: [],
      startedAt: "2026-11-23T12:00:01.000Z",
      before: 5,
    });
    writeFileSync(counter, "6");
    const events: RunEvent[] = [];
    const run = await runSteps(opened.state, drive(opened, counterTransition(counter), events));
    const sleep = run.results[0];
    expect(sleep?.verdict).to.equal("pass");
    expect(sleep?.reason).to.equal("verified in the resumed session: counter 5 → 6");
    expect(readdirSync(path.join(dir, "s", "running"))).to.deep.equal([]);
    expect(run.outcome.overall).to.equal("certified");
  });

  it("fails a step whose transition did not happen", async () => {
    const dir = tmp();
    const counter = path.join(dir, "counter");
    writeFileSync(counter, "5");
    const opened = await session(dir);
    opened.state.store.writeMarker({
      index: 0,
      requirement: "sleep",
      attempts: [],
      startedAt: "2026-11-23T12:00:01.000Z",
      before: 5,
    });
    const run = await runSteps(opened.state, drive(opened, counterTransition(counter), []));
    expect(run.results[0]?.verdict).to.equal("fail");
    expect(run.results[0]?.reason).to.include("no transition happened");
  });

  it("captures before and after around a step that returns, and judges the transition", async () => {
    const dir = tmp();
    const counter = path.join(dir, "counter");
    writeFileSync(counter, "1");
    const opened = await session(dir);
    const run = await runSteps(opened.state, drive(opened, counterTransition(counter), []));
    // Nothing moved the counter while the step ran: the transition is judged not to have happened.
    expect(run.results[0]?.verdict).to.equal("fail");
    expect(run.results[0]?.attempts).to.have.length(1);
  });

  it("records an interrupted try and runs the step again when its marker has no captured state", async () => {
    const dir = tmp();
    const opened = await session(dir);
    opened.state.store.writeMarker({
      index: 0,
      requirement: "sleep",
      attempts: [],
      startedAt: "2026-11-23T12:00:01.000Z",
    });
    const run = await runSteps(opened.state, {
      ...drive(opened, counterTransition(path.join(dir, "x")), []),
      transitions: new Map(),
    });
    expect(run.results[0]?.verdict).to.equal("pass");
    expect(run.results[0]?.attempts.map((a) => a.outcome)).to.deep.equal(["interrupted", "pass"]);
  });

  it("stops before the next step when aborted, and says so", async () => {
    const dir = tmp();
    const opened = await session(dir);
    const controller = new AbortController();
    controller.abort();
    const events: RunEvent[] = [];
    const run = await runSteps(opened.state, {
      ...drive(opened, counterTransition(path.join(dir, "x")), events),
      transitions: new Map(),
      signal: controller.signal,
    });
    expect(run.finished).to.equal(false);
    expect(run.outcome.overall).to.equal("incomplete");
    expect(events.at(-1)).to.deep.equal({ type: "interrupted", requirement: "sleep" });
  });
});
