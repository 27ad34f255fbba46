import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect } from "chai";
// The one test that looks at tsyringe's global container, to prove nothing is registered on it.
// eslint-disable-next-line no-restricted-imports
import { container as globalContainer } from "tsyringe";
import { createRootContainer } from "../../../../core/di/container.js";
import { createPluginScope } from "../../../../core/di/plugin-scope.js";
import { resolve, tokenId } from "../../../../core/di/token.js";
import * as tokens from "../../../../core/di/tokens.js";
import { StreamLogger } from "../../../../core/log/logger.js";
import { DriverRunner } from "../../../../core/plugin/driver-runner.js";
import { PluginHost } from "../../../../core/plugin/plugin-host.js";
import { describeWiring } from "../../../helpers/describe-wiring.js";
import { REPO } from "../../../helpers/paths.js";

describe("dependency injection", () => {
  it("builds the root as a child of the global container and never registers on the global one", () => {
    const root = createRootContainer({
      options: { cwd: "/", ci: false, debug: false },
      config: { config: {}, file: null, dir: "/" },
      logger: new StreamLogger({ write: () => true }),
    });
    expect(root).to.not.equal(globalContainer);
    for (const t of Object.values(tokens)) {
      expect(globalContainer.isRegistered(t), tokenId(t)).to.equal(false);
    }
    expect(resolve(root, tokens.PLUGIN_HOST)).to.be.instanceOf(PluginHost);
  });

  it("resolves the same wiring under the test runner and under the built output", () => {
    const here = describeWiring({ createRootContainer, createPluginScope, StreamLogger });
    expect(here).to.deep.equal({
      host: "PluginHost",
      hostOptions: { cwd: "/lab", ci: true, debug: false, pluginTimeoutMs: 1234 },
      hostRootIsRoot: true,
      hostIsSingleton: true,
      runner: "DriverRunner",
      runnerPlugin: "p",
      runnerHasLogger: true,
      runnerOptions: { cwd: "/lab", ci: true, debug: false, pluginTimeoutMs: 1234 },
    });
    // The built output of this same wiring, in a plain node process: tsc's decorators, not esbuild's.
    const dist = (file: string): string =>
      JSON.stringify(pathToFileURL(path.join(REPO, "dist", file)).href);
    const script = `
      await import("reflect-metadata");
      const { createRootContainer } = await import(${dist("core/di/container.js")});
      const { createPluginScope } = await import(${dist("core/di/plugin-scope.js")});
      const { StreamLogger } = await import(${dist("core/log/logger.js")});
      const { describeWiring } = await import(${dist("test/helpers/describe-wiring.js")});
      process.stdout.write(JSON.stringify(describeWiring({ createRootContainer, createPluginScope, StreamLogger })));
    `;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: REPO,
      encoding: "utf8",
      env: { ...process.env, NODE_OPTIONS: "" },
    });
    expect(run.stderr).to.equal("");
    expect(JSON.parse(run.stdout)).to.deep.equal(here);
  });

  it("declares an explicit @inject token for every constructor parameter of every @injectable class", async () => {
    const checked: string[] = [];
    for (const file of sourceFiles(path.join(REPO, "core"))) {
      if (!readFileSync(file, "utf8").includes("@injectable(")) continue;
      const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        if (
          typeof value !== "function" ||
          !/^class\b/.test(Function.prototype.toString.call(value))
        )
          continue;
        const injected = (Reflect.getOwnMetadata("injectionTokens", value) ?? {}) as Record<
          number,
          unknown
        >;
        const params = (value as { length: number }).length;
        for (let i = 0; i < params; i++)
          expect(injected[i], `${name} parameter #${i}`).to.not.equal(undefined);
        checked.push(name);
      }
    }
    expect(checked).to.include.members([PluginHost.name, DriverRunner.name]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith(".ts") &&
      !e.name.endsWith(".d.ts") &&
      !full.includes(`${path.sep}cli${path.sep}bin.ts`)
      ? [full]
      : [];
  });
}
