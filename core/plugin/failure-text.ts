import type { PluginFailure } from "./load-plugin.js";

/** One line per failure: `label [phase] CODE: message`. @public */
export function describeFailure(failure: PluginFailure): string {
  const name =
    failure.plugin !== null && failure.plugin !== failure.label
      ? `${failure.plugin} (${failure.label})`
      : failure.label;
  return `${name} [${failure.phase}] ${failure.error.code}: ${failure.error.message}`;
}

/** The JSON form of a failure, as `--json` commands print it. @public */
export function failureJson(failure: PluginFailure): Record<string, unknown> {
  return {
    label: failure.label,
    plugin: failure.plugin,
    origin: failure.origin,
    phase: failure.phase,
    code: failure.error.code,
    message: failure.error.message,
    ...(Object.keys(failure.error.details).length > 0 ? { details: failure.error.details } : {}),
  };
}
