import type { LoadedPlugin } from "../plugin/load-plugin.js";
import type { PluginHost } from "../plugin/plugin-host.js";
import { testCatalog, type TestCatalog, type TestInfo } from "../suite/test-catalog.js";
import type { ChildTest } from "./child-protocol.js";
import type { CoreTest, Transition } from "./tests/core-test.js";

/** Plugin tests without a declared bound get this many seconds. */
const PLUGIN_TEST_TIMEOUT_SEC = 300;

/** The tests a run may use: their descriptions, how to run each, and the transitions. @public */
export interface RunnableTests {
  readonly catalog: TestCatalog;
  readonly childTests: ReadonlyMap<string, ChildTest>;
  readonly transitions: ReadonlyMap<string, Transition>;
}

/**
 * The tests on offer: the core's, then those of the loaded plugins' drivers (a plugin test with
 * a core test's id is shadowed by it; two plugins offering one id, the first loaded wins).
 *
 * @public
 */
export function runnableTests(
  core: readonly CoreTest[],
  plugins: readonly LoadedPlugin[],
): RunnableTests {
  const infos: TestInfo[] = [];
  const childTests = new Map<string, ChildTest>();
  const transitions = new Map<string, Transition>();
  for (const t of core) {
    infos.push({
      id: t.id,
      title: t.title,
      origin: "core",
      params: t.params,
      live: t.live,
      disruptive: t.disruptive === true,
      transition: t.transition !== undefined,
      ...(t.measures === undefined ? {} : { measures: t.measures }),
      timeoutSec: t.timeoutSec,
    });
    childTests.set(t.id, { origin: "core", id: t.id });
    if (t.transition !== undefined) transitions.set(t.id, t.transition);
  }
  for (const loaded of plugins)
    for (const driver of loaded.plugin.drivers)
      for (const t of driver.tests ?? []) {
        if (childTests.has(t.id)) continue;
        infos.push({
          id: t.id,
          title: t.title,
          origin: `${loaded.plugin.name}/${driver.id}`,
          live: t.live ?? true,
          disruptive: false,
          transition: false,
          timeoutSec: t.timeoutSec ?? PLUGIN_TEST_TIMEOUT_SEC,
        });
        childTests.set(t.id, {
          origin: "plugin",
          id: t.id,
          plugin: loaded.plugin.name,
          driver: driver.id,
          entry: loaded.entry,
        });
      }
  return { catalog: testCatalog(infos), childTests, transitions };
}

/** The loaded plugins and the tests they and the core offer. @public */
export async function loadDefinitionsBase(
  host: PluginHost,
): Promise<{ plugins: readonly LoadedPlugin[]; tests: RunnableTests }> {
  const [{ plugins }, { CORE_TESTS }] = await Promise.all([
    host.load(),
    import("./tests/registry.js"),
  ]);
  return { plugins, tests: runnableTests(CORE_TESTS, plugins) };
}
