import type { Command } from "commander";
import type { LoadedConfig } from "../config/load-config.js";
import type { PluginHost } from "../plugin/plugin-host.js";
import type { CliIo, GlobalOptions } from "./io.js";

/**
 * The plugin host of this command line, built from its global options. The DI container, the
 * configuration reader and the plugin host are imported here, on first use, so that commands
 * that need none of them (`--version`, `--help`, `inventory` of raw evidence) start fast.
 */
export async function openHost(io: CliIo, command: Command): Promise<PluginHost> {
  return (await openContext(io, command)).host;
}

/** The plugin host and the configuration it was built from. */
export async function openContext(
  io: CliIo,
  command: Command,
): Promise<{ host: PluginHost; config: LoadedConfig }> {
  const [{ bootstrap }, { resolve }, { PLUGIN_HOST, CONFIG }] = await Promise.all([
    import("../di/bootstrap.js"),
    import("../di/token.js"),
    import("../di/tokens.js"),
  ]);
  const globals = command.optsWithGlobals<GlobalOptions>();
  const root = await bootstrap({
    cwd: io.cwd,
    ci: globals.ci === true,
    debug: globals.debug === true,
    messages: io.stderr,
    ...(globals.config === undefined ? {} : { configFile: globals.config }),
    ...(globals.pluginTimeout === undefined ? {} : { pluginTimeoutMs: globals.pluginTimeout }),
  });
  return { host: resolve(root, PLUGIN_HOST), config: resolve(root, CONFIG) };
}
