import type { Capabilities } from "../../core/capabilities/schema.js";
import type { Inventory } from "../../core/inventory/inventory.js";
import type { ProbedDevice } from "../../core/plugin/driver-runner.js";
import type { RunOutcome, SessionState } from "../../core/run/runner.js";
import type { RequirementResult, SessionManifest } from "../../core/run/session-types.js";
import type { FeatureOutcome, Overall, Verdict } from "../../core/suite/verdicts.js";
import type { Waiver } from "../../core/suite/waivers.js";
import type { ReportAttestation } from "./attest-report.js";
import type { Provenance } from "./merge-reports.js";

/** The format tag of report.json. @public */
export const REPORT_FORMAT = "hclkit-report/1";

/**
 * A compatibility report (DESIGN.md, "Reports"): who the machine is, what judged it (platform
 * plugin, suite, with digests), its capabilities and devices, every requirement's raw and
 * adjudicated verdict with measurements, evidence, timings, retries and waivers, the features'
 * status and the overall verdict, and the environment.
 *
 * @public
 */
export interface Report {
  readonly format: typeof REPORT_FORMAT;
  readonly session: {
    readonly id: string;
    readonly createdAt: string;
    readonly finished: boolean;
    readonly evidence: SessionManifest["evidence"];
    /** Resumes forced through changed definitions (`hclkit resume --force`). */
    readonly forcedResumes: readonly { readonly at: string; readonly changes: readonly string[] }[];
  };
  readonly system: {
    readonly vendor: string | null;
    readonly model: string | null;
    readonly version: string | null;
    readonly sku: string | null;
    readonly bios: {
      readonly vendor: string | null;
      readonly version: string | null;
      readonly date: string | null;
    };
    readonly chassis: string | null;
  };
  readonly platform: Inventory["platform"];
  readonly suite: SessionManifest["suite"];
  readonly plugins: SessionManifest["plugins"];
  readonly capabilities: Capabilities | null;
  readonly devices: readonly {
    readonly plugin: string;
    readonly driver: string;
    readonly id: string;
    readonly class: string;
    readonly name: string | null;
    readonly vendorId: string | null;
    readonly deviceId: string | null;
    readonly driverBound: string | null;
  }[];
  readonly overall: Overall;
  readonly reasons: readonly string[];
  readonly counts: Readonly<Record<Verdict, number>>;
  readonly features: readonly FeatureOutcome[];
  readonly requirements: readonly RequirementResult[];
  /** Present on attested reports: the PCR values a TPM quoted with this report's digest. */
  readonly attestation?: ReportAttestation;
  /** Present on merged reports (`hclkit report merge`). */
  readonly provenance?: Provenance;
  /** The waivers the run was given (expired ones included: their date says so). */
  readonly waivers: readonly Waiver[];
  readonly environment: {
    readonly hclkit: string;
    readonly node: string;
    readonly kernel: string;
    readonly host: string;
  };
}

/** Builds the report of a session from its state and the outcome of its run. Pure. @public */
export function buildReport(
  manifest: SessionManifest,
  state: SessionState,
  run: RunOutcome,
  forcedResumes: Report["session"]["forcedResumes"] = [],
): Report {
  const identity = state.inventory.smbios?.identity ?? null;
  return {
    format: REPORT_FORMAT,
    session: {
      id: manifest.id,
      createdAt: manifest.createdAt,
      finished: run.finished,
      evidence: manifest.evidence,
      forcedResumes: forcedResumes.map((r) => ({ at: r.at, changes: r.changes })),
    },
    system: {
      vendor: identity?.system?.vendor ?? null,
      model: identity?.system?.product ?? null,
      version: identity?.system?.version ?? null,
      sku: identity?.system?.sku ?? null,
      bios: {
        vendor: identity?.bios?.vendor ?? null,
        version: identity?.bios?.version ?? null,
        date: identity?.bios?.date ?? null,
      },
      chassis: identity?.chassis?.type ?? null,
    },
    platform: state.inventory.platform,
    suite: manifest.suite,
    plugins: manifest.plugins,
    capabilities: state.inventory.capabilities,
    devices: state.devices.map((d: ProbedDevice) => ({
      plugin: d.plugin,
      driver: d.driver,
      id: d.device.id,
      class: d.device.class,
      name: d.device.name,
      vendorId: d.device.vendorId,
      deviceId: d.device.deviceId,
      driverBound: d.device.driver,
    })),
    overall: run.outcome.overall,
    reasons: run.outcome.reasons,
    counts: run.outcome.counts,
    features: run.outcome.features,
    requirements: run.results,
    waivers: state.waivers,
    environment: {
      hclkit: manifest.hclkit,
      node: manifest.node,
      kernel: manifest.kernel,
      host: manifest.host,
    },
  };
}
