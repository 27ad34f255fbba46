import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (tests run from the sources). */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The fixture plugin packages. */
export const FIXTURE_PLUGINS = path.join(REPO, "test/fixtures/plugins");
/** The built CLI, as `npm test` builds it before running the tests. */
/** The built CLI as installed (package.json "bin"): the esbuild bundle of dist/core/cli/bin.js. */
export const BUILT_CLI = path.join(REPO, "dist/core/cli-bundle/bin.js");

/** The folder of one fixture plugin. */
export function fixturePlugin(name: string): string {
  return path.join(FIXTURE_PLUGINS, name);
}
