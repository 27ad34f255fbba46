import "reflect-metadata";
import path from "node:path";
import type { Capabilities } from "../capabilities/schema.js";
import { createRootContainer } from "../di/container.js";
import { resolve } from "../di/token.js";
import { PLUGIN_HOST } from "../di/tokens.js";
import { StreamLogger } from "../log/logger.js";
import type { FactValue } from "../plugin/api.js";
import { inspectMachine, type Inspection } from "../platform/inspect-machine.js";
import { comparePartial, formatMismatches, type Mismatch } from "./compare.js";

/** Deep-partial of a type: the parts a test case cares about. @public */
export type DeepPartial<T> = T extends readonly (infer U)[]
  ? readonly DeepPartial<U>[]
  : T extends object
    ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** One case: a snapshot, and what hclkit must find in it. @public */
export interface PluginTestCase {
  /** Shown as the test's title. */
  readonly name: string;
  /** A snapshot folder or .tar.gz, or one dump file; relative to the tester's `cwd`. */
  readonly from: string;
  /** The platform plugin that must be chosen. */
  readonly platform?: string;
  /** Parts of the capability summary that must match. */
  readonly capabilities?: DeepPartial<Capabilities>;
  /**
   * Facts of devices that must match, by `class/deviceId`: `{ "tpm/tpm0": { present: true } }`.
   * A device named here must exist.
   */
  readonly facts?: Readonly<Record<string, Readonly<Record<string, FactValue>>>>;
}

/** Options of {@link PluginTester}. @public */
export interface PluginTesterOptions {
  /** The plugin package folder (or module file) under test; loaded as hclkit loads it. */
  readonly plugin: string;
  /** Resolves `plugin` and the cases' `from`; the current directory by default. */
  readonly cwd?: string;
  /** Time bound of each plugin call, ms. */
  readonly timeoutMs?: number;
}

type Suite = (title: string, body: () => void) => void;
type Test = (title: string, body: () => Promise<void>) => void;

/**
 * A test harness for plugin authors, in the spirit of ESLint's RuleTester: runs a plugin — with
 * the built-in plugins beside it, as in real use — against recorded snapshots and checks the
 * platform chosen, the capability summary and device facts, reporting every mismatch with the
 * evidence that decided it. Under mocha (or any runner with global `describe`/`it`),
 * {@link PluginTester.run} registers one test per case; {@link PluginTester.check} returns the
 * mismatches for other uses.
 *
 * @example
 * ```ts
 * import { PluginTester } from "hclkit/testing";
 * new PluginTester({ plugin: "." }).run("acme-x1", [
 *   { name: "X1 with TPM", from: "fixtures/x1", platform: "acme-x1", capabilities: { tpm: { present: true, vendor: "IFX" } } },
 * ]);
 * ```
 * @public
 */
export class PluginTester {
  private readonly cwd: string;

  constructor(private readonly options: PluginTesterOptions) {
    this.cwd = options.cwd ?? process.cwd();
  }

  /** Registers one test per case with the runner's global `describe` and `it`. */
  run(title: string, cases: readonly PluginTestCase[]): void {
    const g = globalThis as { describe?: Suite; it?: Test };
    if (typeof g.describe !== "function" || typeof g.it !== "function") {
      throw new Error(
        "PluginTester.run needs a test runner with global describe and it (mocha); use check() otherwise",
      );
    }
    const it = g.it;
    g.describe(title, () => {
      for (const testCase of cases) {
        it(testCase.name, async () => {
          const mismatches = await this.check(testCase);
          if (mismatches.length > 0) throw new Error(formatMismatches(testCase.name, mismatches));
        });
      }
    });
  }

  /** Runs one case and returns every mismatch (none when the plugin does what the case says). */
  async check(testCase: PluginTestCase): Promise<Mismatch[]> {
    const inspection = await this.inspect(testCase.from);
    const mismatches: Mismatch[] = [];
    const platform = inspection.inventory.platform;
    if (testCase.platform !== undefined && platform?.plugin !== testCase.platform) {
      mismatches.push({
        path: "platform",
        expected: testCase.platform,
        found: platform?.plugin ?? null,
        because:
          platform === null
            ? "no plugin loaded"
            : `score ${platform.score}: ${platform.evidence.map((e) => `${e.kind} ${e.id}`).join(", ")}`,
      });
    }
    if (testCase.capabilities !== undefined) {
      mismatches.push(
        ...comparePartial(
          testCase.capabilities,
          inspection.inventory.capabilities,
          "capabilities",
        ).map((m) => ({ ...m, because: this.why(inspection, m.path) })),
      );
    }
    for (const [key, facts] of Object.entries(testCase.facts ?? {})) {
      const [cls, id] = key.split("/");
      const found = inspection.identity.devices.find(
        (d) => d.device.class === cls && d.device.id === id,
      );
      if (found === undefined) {
        const ids = inspection.identity.devices
          .filter((d) => d.device.class === cls)
          .map((d) => d.device.id);
        mismatches.push({
          path: `devices.${key}`,
          expected: "a device",
          found: null,
          because: `devices of class ${cls}: ${ids.join(", ") || "none"}`,
        });
        continue;
      }
      for (const [name, value] of Object.entries(facts)) {
        const fact = found.device.facts[name];
        for (const m of comparePartial(
          value,
          fact?.value ?? null,
          `devices.${key}.facts.${name}`,
        )) {
          const first = fact?.evidence[0];
          mismatches.push({
            ...m,
            ...(first === undefined
              ? {}
              : {
                  because:
                    `${first.source}${first.line === undefined ? "" : `:${first.line}`} ${first.note ?? first.text ?? ""}`.trim(),
                }),
          });
        }
      }
    }
    return mismatches;
  }

  /** The inventory and identity of one snapshot, with the plugin under test loaded. */
  async inspect(from: string): Promise<Inspection> {
    const plugin = path.resolve(this.cwd, this.options.plugin);
    const root = createRootContainer({
      options: {
        cwd: this.cwd,
        ci: true,
        debug: false,
        ...(this.options.timeoutMs === undefined
          ? {}
          : { pluginTimeoutMs: this.options.timeoutMs }),
      },
      config: { config: { plugins: [plugin] }, file: null, dir: this.cwd },
      // Under ci: true a plugin that fails to load fails the case with its error; nothing to print.
      logger: new StreamLogger({ write: () => true }, { quiet: true }),
    });
    return inspectMachine(resolve(root, PLUGIN_HOST), { from, cwd: this.cwd });
  }

  /** The evidence behind a capability, from the devices of its class. */
  private why(inspection: Inspection, capability: string): string | undefined {
    const key = capability.split(".")[1] ?? "";
    const cls = CAPABILITY_CLASS[key];
    if (cls === undefined) return undefined;
    const devices = inspection.identity.devices.filter((d) => d.device.class === cls);
    const coverage = inspection.identity.coverage.find((c) => c.class === cls);
    if (devices.length === 0)
      return `class ${cls}: ${coverage?.state ?? "none"} (${coverage?.drivers.join(", ") || "no driver"})`;
    return devices
      .flatMap((d) =>
        Object.entries(d.device.facts).map(([name, f]) =>
          `${d.driver}: ${name}=${JSON.stringify(f.value)} ${f.evidence[0]?.note ?? f.evidence[0]?.text ?? ""}`.trim(),
        ),
      )
      .slice(0, 4)
      .join("; ");
  }
}

/** Which class's devices decide each capability. */
const CAPABILITY_CLASS: Readonly<Record<string, string>> = {
  tpm: "tpm",
  txt: "txt",
  vpro: "vpro",
  esata: "esata",
  cardReaders: "card-reader",
  wifi: "wifi",
  vtx: "virtualization",
  vtd: "virtualization",
  aesni: "crypto",
  lid: "power",
  s3: "power",
  battery: "power",
  display: "display",
  usb: "usb",
  memory: "memory",
  cpu: "cpu",
};
