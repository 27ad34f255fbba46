import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { runHclkit } from "../helpers/cli.js";
import { CORPUS } from "../helpers/corpus.js";
import { BUILT_CLI, REPO } from "../helpers/paths.js";
import { slowTestsProject } from "../helpers/project.js";
import { FIXTURE_SUITES } from "../helpers/suites.js";
import { useTmpDirs } from "../helpers/tmp.js";

const T410 = path.join(CORPUS, "lenovo-thinkpad-t410-2537pw4");
const SLOW = path.join(FIXTURE_SUITES, "slow.yaml");
const KILLS = 50;

interface Result {
  requirement: string;
  attempts: { outcome: string; durationMs: number; startedAt: string; n: number }[];
  startedAt: string;
  finishedAt: string;
  [key: string]: unknown;
}

/** A session's results with timings removed, and interrupted tries (a kill's trace) dropped. */
function normalized(dir: string): unknown[] {
  const names = readdirSync(path.join(dir, "results")).sort();
  return names.map((name) => {
    const r = JSON.parse(readFileSync(path.join(dir, "results", name), "utf8")) as Result;
    const { startedAt: _s, finishedAt: _f, attempts, ...rest } = r;
    return {
      ...rest,
      attempts: attempts.filter((a) => a.outcome !== "interrupted").map((a) => a.outcome),
    };
  });
}

/** Starts hclkit, kills it with SIGKILL after `delayMs`; resolves with its exit code (null when killed). */
function runAndKill(args: string[], cwd: string, delayMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BUILT_CLI, ...args], {
      cwd,
      stdio: "ignore",
      env: { ...process.env, NODE_OPTIONS: "" },
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), delayMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve(signal === "SIGKILL" ? null : code);
    });
  });
}

describe("runner: killed with SIGKILL at random points, resumed each time (integration)", function () {
  this.timeout(300_000);
  const tmp = useTmpDirs();

  it(`survives ${KILLS} kills: the final results equal an uninterrupted run's, nothing lost or duplicated`, async () => {
    const dir = slowTestsProject(tmp());
    writeFileSync(path.join(dir, "answers.yaml"), "ask.display: yes\n");
    const reference = await runHclkit(
      ["run", "--suite", SLOW, "--from", T410, "--out", "ref", "--answers", "answers.yaml"],
      { cwd: dir },
    );
    expect(reference.code, reference.stderr).to.equal(1);

    // A seeded generator: the kill points vary but the test is repeatable.
    let seed = 0x2545f491;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    let kills = 0;
    const killedAfter = new Set<number>();
    // Sessions are killed until they finish, one after another, until the kills add up.
    for (let session = 0; kills < KILLS; session++) {
      const out = `k${session}`;
      const results = path.join(dir, out, "results");
      for (;;) {
        const started = existsSync(path.join(dir, out, "session.json"));
        const args = started
          ? ["resume", out, "--answers", "answers.yaml"]
          : ["run", "--suite", SLOW, "--from", T410, "--out", out, "--answers", "answers.yaml"];
        const exit = await runAndKill(args, dir, 200 + Math.floor(random() * 1000));
        if (exit !== null) {
          expect(exit, `${out} ended`).to.equal(1);
          break;
        }
        kills++;
        if (existsSync(results))
          killedAfter.add(readdirSync(results).filter((n) => n.endsWith(".json")).length);
      }
      expect(normalized(path.join(dir, out)), out).to.deep.equal(normalized(path.join(dir, "ref")));
      const leftovers = [
        ...readdirSync(path.join(dir, out, "running")),
        ...readdirSync(results).filter((n) => !n.endsWith(".json")),
      ];
      expect(leftovers, out).to.deep.equal([]);
      expect(readdirSync(results), out).to.have.length(10);
    }
    expect(kills).to.be.at.least(KILLS);
    // The figures of the proof, for the closing note and the curious.
    mkdirSync(path.join(REPO, "test-results"), { recursive: true });
    writeFileSync(
      path.join(REPO, "test-results", "kill-resume.json"),
      `${JSON.stringify({ kills, sessions: readdirSync(dir).filter((n) => /^k\d+$/.test(n)).length, killedAfterResults: [...killedAfter].sort((a, b) => a - b) })}\n`,
    );
    // The kills landed at many different points of a run, not all before its first step.
    expect(killedAfter.size).to.be.at.least(5);
  });
});
