import { writeFileSync } from "node:fs";
import path from "node:path";
import { fixturePlugin } from "./paths.js";

/** A project folder whose hclkit.config.yaml loads the slow-tests fixture plugin. */
export function slowTestsProject(dir: string): string {
  writeFileSync(
    path.join(dir, "hclkit.config.yaml"),
    `plugins:\n  - ${fixturePlugin("slow-tests")}\n`,
  );
  return dir;
}
