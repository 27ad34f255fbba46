import { existsSync } from "node:fs";
import type { SessionStore } from "./session-store.js";

/** One forced resume: when, and what had changed. @public */
export interface ResumeRecord {
  readonly at: string;
  readonly forced: true;
  readonly changes: readonly string[];
}

/**
 * Records in `resumes.json` that a session was resumed with `--force` although its definitions
 * changed, so that the report can say its results rest on two versions.
 *
 * @public
 */
export function recordResume(
  store: SessionStore,
  changes: readonly string[],
  at = new Date(),
): void {
  const file = "resumes.json";
  const previous = existsSync(store.file(file)) ? store.readJson<ResumeRecord[]>(file) : [];
  store.writeJson(file, [...previous, { at: at.toISOString(), forced: true, changes }]);
}
