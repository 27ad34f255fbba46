import { expect } from "chai";
import { HclError } from "../../../../core/errors/hcl-error.js";
import { invokePlugin } from "../../../../core/plugin/invoke.js";

const site = { plugin: "acme", hook: "probe", driver: "tpm" };

async function failure(promise: Promise<unknown>): Promise<HclError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HclError) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}

describe("invokePlugin", () => {
  it("returns what the plugin returns, sync or async", async () => {
    expect(await invokePlugin(site, () => 42)).to.equal(42);
    expect(await invokePlugin(site, () => Promise.resolve("x"))).to.equal("x");
  });

  it("stamps plugin, hook and driver on a synchronous throw and keeps the plugin's code", async () => {
    const error = await failure(
      invokePlugin(site, () => {
        throw Object.assign(new Error("no TPM"), { code: "ACME_E_NOTPM" });
      }),
    );
    expect(error.code).to.equal("HCL_E_PLUGIN_HOOK_THREW");
    expect(error.message).to.equal("plugin acme, hook probe, driver tpm: no TPM");
    expect(error.details).to.deep.equal({ ...site, pluginCode: "ACME_E_NOTPM" });
    expect((error.cause as Error).message).to.equal("no TPM");
  });

  it("treats a rejection with a non-error value the same way", async () => {
    // Plugins are third-party code: they may reject with anything.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    const rejectWithString = (): Promise<never> => Promise.reject("nope");
    const error = await failure(
      invokePlugin({ plugin: "acme", hook: "test", device: "tpm0" }, rejectWithString),
    );
    expect(error.message).to.equal("plugin acme, hook test, device tpm0: nope");
  });

  it("bounds a call that never settles and aborts its signal", async () => {
    let seen: AbortSignal | undefined;
    const started = Date.now();
    const error = await failure(
      invokePlugin(
        site,
        (signal) => {
          seen = signal;
          return new Promise(() => undefined);
        },
        { timeoutMs: 50 },
      ),
    );
    expect(error.code).to.equal("HCL_E_PLUGIN_HOOK_TIMEOUT");
    expect(error.message).to.equal(
      "plugin acme, hook probe, driver tpm: did not settle within 50 ms",
    );
    expect(seen?.aborted).to.equal(true);
    expect(seen?.reason).to.equal(error);
    expect(Date.now() - started).to.be.below(5_000);
  });

  it("does not let a rejection after the time-out escape as an unhandled rejection", async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown): void => void unhandled.push(reason);
    process.on("unhandledRejection", listener);
    try {
      const late = (): Promise<never> =>
        new Promise((_, reject) => setTimeout(() => reject(new Error("late")), 30));
      await failure(invokePlugin(site, late, { timeoutMs: 5 }));
      await new Promise((r) => setTimeout(r, 60));
      expect(unhandled).to.deep.equal([]);
    } finally {
      process.off("unhandledRejection", listener);
    }
  });

  it("uses the code asked for a throw, for imports", async () => {
    const error = await failure(
      invokePlugin(
        { plugin: "./x", hook: "import" },
        () => Promise.reject(new SyntaxError("Unexpected token")),
        { threwCode: "HCL_E_PLUGIN_IMPORT" },
      ),
    );
    expect(error.code).to.equal("HCL_E_PLUGIN_IMPORT");
  });
});
