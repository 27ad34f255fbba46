/**
 * The child process an active test runs in (one per run): isolated from the runner, so that a
 * test that hangs, crashes or exhausts memory costs only its own requirement. It receives one
 * `run` message, runs the test, answers one `result` or `error` message and exits. Its stdout
 * and stderr are the test's output, captured into the session by the parent.
 */
import { pathToFileURL } from "node:url";
import type { ActiveTestContext, ActiveTestResult, PlatformPlugin } from "../plugin/api.js";
import type { ChildAbort, ChildRequest, ChildReply } from "./child-protocol.js";

function send(reply: ChildReply): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined) return resolve();
    process.send(reply, undefined, {}, () => resolve());
  });
}

/** Fired when the runner says the time is up, shortly before it kills this process. */
const controller = new AbortController();

async function run(request: ChildRequest): Promise<ActiveTestResult> {
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  const { test } = request;
  if (test.origin === "core") {
    const { CORE_TESTS } = await import("./tests/registry.js");
    const found = CORE_TESTS.find((t) => t.id === test.id);
    if (found === undefined) throw new Error(`no core test ${test.id}`);
    return found.run({
      params: request.params as never,
      root: request.root,
      tpm: request.tpm,
      inventory: request.inventory,
      devices: request.devices,
      signal: controller.signal,
      log,
    });
  }
  const module = (await import(pathToFileURL(test.entry).href)) as { default?: PlatformPlugin };
  const plugin = module.default;
  const driver = plugin?.drivers.find((d) => d.id === test.driver);
  const found = driver?.tests?.find((t) => t.id === test.id);
  if (found === undefined)
    throw new Error(`plugin ${test.entry} has no test ${test.id} in driver ${test.driver}`);
  const logger = {
    info: log,
    warn: (m: string) => log(`warning: ${m}`),
    debug: () => undefined,
    child: () => logger,
  };
  const context: ActiveTestContext = {
    inventory: request.inventory,
    device: null,
    params: request.params,
    signal: controller.signal,
    log: logger,
  };
  return found.run(context);
}

let started = false;
process.on("message", (message: ChildRequest | ChildAbort) => {
  if (message.type === "abort") {
    controller.abort(new Error("the test ran out of time"));
    return;
  }
  if (started) return;
  started = true;
  void (async () => {
    try {
      const result = await run(message);
      await send({ type: "result", result });
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      const code = (e as { code?: unknown }).code;
      await send({
        type: "error",
        message: e.message,
        stack: e.stack ?? null,
        code: typeof code === "string" && code.startsWith("HCL_E_") ? code : null,
      });
    }
    process.exit(0);
  })();
});
// The runner is gone (killed): nothing is listening for the answer, so stop.
process.on("disconnect", () => process.exit(0));
