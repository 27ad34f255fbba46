import type { ErrorCode } from "../errors/codes.js";
import { HclError } from "../errors/hcl-error.js";
import { firstLine } from "../util/text.js";

/** Where a call into plugin code happens; stamped on every error it raises. @public */
export interface CallSite {
  /** Plugin name, or how it was named before its name is known. */
  readonly plugin: string;
  /** `import`, `probe`, `test`… */
  readonly hook: string;
  readonly driver?: string;
  readonly device?: string;
}

/** The default time bound of one call into plugin code. @public */
export const DEFAULT_PLUGIN_TIMEOUT_MS = 10_000;

/** Options of {@link invokePlugin}. @public */
export interface InvokeOptions {
  /** Time bound of the call; {@link DEFAULT_PLUGIN_TIMEOUT_MS} when absent. */
  readonly timeoutMs?: number;
  /** Code for a throw or rejection; `HCL_E_PLUGIN_HOOK_THREW` when absent. */
  readonly threwCode?: ErrorCode;
}

/**
 * The one choke point for calls into plugin code (Rollup's `runHook`). It turns a throw or a
 * rejection into `HCL_E_PLUGIN_HOOK_THREW` and a call that does not settle in time into
 * `HCL_E_PLUGIN_HOOK_TIMEOUT`, both stamped with plugin, hook, driver and device; the plugin's
 * own error code is kept as `pluginCode`. On time-out the call's `AbortSignal` fires, so
 * cooperative plugin code can stop its work.
 *
 * A synchronous endless loop cannot be interrupted from the same thread; bounding that needs a
 * worker, which the active-test runner provides.
 *
 * @public
 */
export async function invokePlugin<T>(
  site: CallSite,
  call: (signal: AbortSignal) => T | Promise<T>,
  options: InvokeOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_PLUGIN_TIMEOUT_MS;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let expired: HclError | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      expired = timeoutError(site, timeoutMs);
      controller.abort(expired);
      reject(expired);
    }, timeoutMs);
  });
  const running = (async () => call(controller.signal))();
  // A call that settles after its time-out must not surface as an unhandled rejection.
  running.catch(() => undefined);
  try {
    return await Promise.race([running, timedOut]);
  } catch (error) {
    if (error !== undefined && error === expired) throw error;
    throw threwError(site, error, options.threwCode ?? "HCL_E_PLUGIN_HOOK_THREW");
  } finally {
    clearTimeout(timer);
  }
}

function describeSite(site: CallSite): string {
  const parts = [`plugin ${site.plugin}`, `hook ${site.hook}`];
  if (site.driver !== undefined) parts.push(`driver ${site.driver}`);
  if (site.device !== undefined) parts.push(`device ${site.device}`);
  return parts.join(", ");
}

function timeoutError(site: CallSite, timeoutMs: number): HclError {
  return new HclError(
    "HCL_E_PLUGIN_HOOK_TIMEOUT",
    `${describeSite(site)}: did not settle within ${timeoutMs} ms`,
    {
      hint: "The plugin hangs or waits on something that never comes; fix the plugin, or raise pluginTimeoutMs in hclkit.config.yaml if the work is legitimately slow.",
      details: { ...site, timeoutMs },
    },
  );
}

function threwError(site: CallSite, error: unknown, code: ErrorCode): HclError {
  const message = error instanceof Error ? error.message : String(error);
  const pluginCode = (error as { code?: unknown } | null)?.code;
  return new HclError(code, `${describeSite(site)}: ${firstLine(message)}`, {
    hint: "This is a fault in the plugin; rerun with --debug for its stack and report it to the plugin's authors.",
    cause: error,
    details: { ...site, ...(typeof pluginCode === "string" ? { pluginCode } : {}) },
  });
}
