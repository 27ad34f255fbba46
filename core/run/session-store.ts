import { tryLock } from "../util/pid-lock.js";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { HclError } from "../errors/hcl-error.js";
import { removeDurable, syncDir, writeJsonDurable } from "./durable.js";
import type { RequirementResult, RunningMarker } from "./session-types.js";

/** The files of a session folder. @public */
export const SESSION_FILES = {
  manifest: "session.json",
  suite: "suite.yaml",
  suiteJson: "suite.json",
  inventory: "inventory.json",
  devices: "devices.json",
  plan: "plan.json",
  waivers: "waivers.json",
  snapshot: "evidence.tar.gz",
  results: "results",
  running: "running",
  output: "output",
  lock: "lock",
} as const;

/** `007-cpu.vtx`: the stem of a step's files, ordered by index. @public */
export function stepStem(index: number, requirement: string): string {
  return `${String(index).padStart(3, "0")}-${requirement}`;
}

/**
 * A session folder on disk: reads and writes its files, each write durable (temp file, fsync,
 * rename, folder fsync), and holds its lock.
 *
 * @public
 */
export class SessionStore {
  constructor(readonly dir: string) {}

  file(name: string): string {
    return path.join(this.dir, name);
  }

  /** Creates the folder tree of a new session; refuses a folder that holds a session already. */
  create(): void {
    if (existsSync(this.file(SESSION_FILES.manifest)))
      throw new HclError("HCL_E_CLI_USAGE", `${this.dir} holds a session already`, {
        hint: `Resume it with \`hclkit resume ${this.dir}\`, or give another --out.`,
        details: { dir: this.dir },
      });
    try {
      for (const sub of [SESSION_FILES.results, SESSION_FILES.running, SESSION_FILES.output])
        mkdirSync(path.join(this.dir, sub), { recursive: true });
      syncDir(path.dirname(this.dir));
      syncDir(this.dir);
    } catch (error) {
      throw new HclError("HCL_E_SESSION_WRITE", `cannot create the session folder ${this.dir}`, {
        cause: error,
        details: { dir: this.dir },
      });
    }
  }

  writeJson(name: string, value: unknown): void {
    writeJsonDurable(this.file(name), value);
  }

  /** A JSON file of the session, parsed; a missing or malformed one is a corrupt session. */
  readJson<T>(name: string): T {
    const file = this.file(name);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new HclError("HCL_E_SESSION_CORRUPT", `the session file ${file} cannot be read`, {
        hint: "The session folder is incomplete; start a new run.",
        cause: error,
        details: { file },
      });
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new HclError(
        "HCL_E_SESSION_CORRUPT",
        `the session file ${file} is not valid JSON: ${(error as Error).message}`,
        {
          hint: "hclkit writes session files atomically, so this file was changed by something else; start a new run.",
          details: { file },
        },
      );
    }
  }

  /** The results written so far, by index. Leftover temporary files of a killed write are removed. */
  results(): Map<number, RequirementResult> {
    const out = new Map<number, RequirementResult>();
    const dir = this.file(SESSION_FILES.results);
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith(".tmp")) {
        rmSync(path.join(dir, name), { force: true });
        continue;
      }
      if (!name.endsWith(".json")) continue;
      const result = this.readJson<RequirementResult>(path.join(SESSION_FILES.results, name));
      out.set(result.index, result);
    }
    return out;
  }

  writeResult(result: RequirementResult): void {
    this.writeJson(
      path.join(SESSION_FILES.results, `${stepStem(result.index, result.requirement)}.json`),
      result,
    );
  }

  marker(index: number, requirement: string): RunningMarker | undefined {
    const name = path.join(SESSION_FILES.running, `${stepStem(index, requirement)}.json`);
    return existsSync(this.file(name)) ? this.readJson<RunningMarker>(name) : undefined;
  }

  writeMarker(marker: RunningMarker): void {
    this.writeJson(
      path.join(SESSION_FILES.running, `${stepStem(marker.index, marker.requirement)}.json`),
      marker,
    );
  }

  removeMarker(index: number, requirement: string): void {
    removeDurable(
      this.file(path.join(SESSION_FILES.running, `${stepStem(index, requirement)}.json`)),
    );
  }

  /** Removes temporary files a killed write left in the running folder. */
  sweep(): void {
    for (const sub of [SESSION_FILES.running, "."]) {
      const dir = this.file(sub);
      for (const name of readdirSync(dir))
        if (name.endsWith(".tmp")) rmSync(path.join(dir, name), { force: true });
    }
  }

  /**
   * Takes the session's lock: a file holding this process's pid, created exclusively. A lock
   * whose process is gone (killed) is stale and taken over.
   *
   * @throws HclError `HCL_E_SESSION_LOCKED` while another live process holds it.
   */
  lock(): () => void {
    const attempt = tryLock(this.file(SESSION_FILES.lock));
    if (attempt.taken) return attempt.release;
    const pid = attempt.holder;
    throw new HclError(
      "HCL_E_SESSION_LOCKED",
      `process ${pid} is running the session in ${this.dir}`,
      {
        hint: `Wait for it, or stop it (kill ${pid}) and resume.`,
        details: { dir: this.dir, pid },
      },
    );
  }
}
