/** How a plugin came to be loaded. @public */
export type PluginOrigin = "builtin" | "config" | "dependency" | "path";

/**
 * A plugin to load, as discovery found it: by path (built-ins, config paths, the CLI) or by
 * package name (config names, project dependencies), not yet resolved on disk.
 *
 * @public
 */
export interface PluginSpec {
  readonly origin: PluginOrigin;
  /** How it was named: built-in folder name, the config entry as written, the dependency name. */
  readonly label: string;
  readonly kind: "path" | "package";
  /** An absolute path (kind `path`) or a package name (kind `package`). */
  readonly specifier: string;
  /** Where a package name is resolved from. */
  readonly baseDir: string;
}
