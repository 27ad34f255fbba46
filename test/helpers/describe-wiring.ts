import type { createRootContainer } from "../../core/di/container.js";
import type { createPluginScope } from "../../core/di/plugin-scope.js";
import type { StreamLogger } from "../../core/log/logger.js";
import type { LoadedPlugin } from "../../core/plugin/load-plugin.js";

/** The modules whose wiring is described, passed in so that sources or built output can be used. */
export interface WiringModules {
  createRootContainer: typeof createRootContainer;
  createPluginScope: typeof createPluginScope;
  StreamLogger: typeof StreamLogger;
}

/**
 * Builds a root and a plugin scope and describes what the tokens resolve to. The DI test runs it
 * in-process (mocha through tsx, i.e. esbuild) and from `dist/` in a plain node process (tsc
 * output), so that the two compilers' decorator output is compared.
 */
export function describeWiring(modules: WiringModules): Record<string, unknown> {
  const logger = new modules.StreamLogger({ write: () => true });
  const root = modules.createRootContainer({
    options: { cwd: "/lab", ci: true, debug: false, pluginTimeoutMs: 1234 },
    config: { config: {}, file: null, dir: "/lab" },
    logger,
  });
  const plugin = {
    name: "p",
    version: "1.0.0",
    apiVersion: 1,
    platform: { title: "P", match: {} },
    drivers: [],
  };
  const scope = modules.createPluginScope(root, { plugin } as unknown as LoadedPlugin);
  const host = root.resolve<Record<string, unknown>>(Symbol.for("hclkit:plugin.host"));
  const runner = scope.resolve<Record<string, unknown>>(Symbol.for("hclkit:plugin.driverRunner"));
  return {
    host: host.constructor.name,
    hostOptions: host["options"],
    hostRootIsRoot: host["root"] === root,
    hostIsSingleton: root.resolve(Symbol.for("hclkit:plugin.host")) === host,
    runner: runner.constructor.name,
    runnerPlugin: (runner["loaded"] as LoadedPlugin).plugin.name,
    runnerHasLogger: typeof (runner["log"] as { warn?: unknown }).warn === "function",
    runnerOptions: runner["options"],
  };
}
