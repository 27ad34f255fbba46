import type { ActiveTestResult, Fact } from "../../plugin/api.js";
import { hexNumber } from "../../tpm/bytes.js";
import { TPM12_CAP, tpm12GetProperty, tpm12GetVersion } from "../../tpm/tpm12/commands.js";
import {
  activeBanks,
  tcgVendorId,
  tpm2GetPcrBanks,
  tpm2ReadIdentity,
} from "../../tpm/tpm2/capabilities.js";

import { describeSelections } from "../../tpm/tpm2/structures.js";
import type { CoreTest, Json } from "./core-test.js";
import { commandTimeoutParam, withTpm, type TpmSession } from "./tpm-connect.js";

const TIMEOUT_SEC = 10;

function requiredBanks(params: Readonly<Record<string, Json>>): string[] {
  const value = params["banks"];
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value;
  throw new Error(`param banks is ${JSON.stringify(value)}, expected a list of bank names`);
}

function bankProblems(banks: readonly string[], required: readonly string[]): string[] {
  const problems =
    banks.length === 0 ? ["no PCR bank is allocated: the TPM cannot measure anything"] : [];
  for (const bank of required)
    if (!banks.includes(bank))
      problems.push(`PCR bank ${bank} is not allocated (allocated: ${banks.join(", ") || "none"})`);
  return problems;
}

async function capabilities2(
  tpm: TpmSession,
  required: readonly string[],
  log: (l: string) => void,
): Promise<ActiveTestResult> {
  const options = { timeoutMs: tpm.timeoutMs };
  const id = await tpm2ReadIdentity(tpm.transport, options);
  const selections = await tpm2GetPcrBanks(tpm.transport, options);
  const banks = activeBanks(selections);
  log(
    `TPM_PT_FAMILY_INDICATOR ${id.family}, TPM_PT_MANUFACTURER ${hexNumber(id.manufacturer.id)} (${id.manufacturer.vendor ?? "not ASCII"}), vendor string "${id.vendorString}", firmware ${id.firmware.text}`,
  );
  log(`TPM_CAP_PCRS: ${describeSelections(selections)}`);
  const ev = (text: string): Fact["evidence"] => [tpm.evidence(text)];
  const problems = bankProblems(banks, required);
  if (id.family !== "2.0")
    problems.unshift(
      `TPM_PT_FAMILY_INDICATOR is ${JSON.stringify(id.family)}, expected "2.0" from a TPM that answers TPM 2.0 commands`,
    );
  const facts: Record<string, Fact> = {
    "tpm.version": {
      value: "2.0",
      evidence: ev(`TPM2_GetCapability TPM_PT_FAMILY_INDICATOR = "${id.family}"`),
    },
    "tpm.vendor": {
      value: id.manufacturer.vendor,
      evidence: ev(`TPM2_GetCapability TPM_PT_MANUFACTURER = ${hexNumber(id.manufacturer.id)}`),
    },
    "tpm.manufacturerId": {
      value: id.manufacturer.id.toString(16).padStart(8, "0"),
      evidence: ev(`TPM_PT_MANUFACTURER = ${hexNumber(id.manufacturer.id)}`),
    },
    "tpm.vendorString": {
      value: id.vendorString,
      evidence: ev(`TPM_PT_VENDOR_STRING_1..4 = "${id.vendorString}"`),
    },
    "tpm.firmware": {
      value: id.firmware.text,
      evidence: ev(
        `TPM_PT_FIRMWARE_VERSION_1 = ${hexNumber(id.firmware.version1)}, TPM_PT_FIRMWARE_VERSION_2 = ${hexNumber(id.firmware.version2)}`,
      ),
    },
    "tpm.specRevision": {
      value: id.specRevision,
      evidence: ev(`TPM_PT_REVISION = ${id.specRevision ?? "absent"}`),
    },
    "tpm.pcrBanks": {
      value: banks,
      evidence: ev(`TPM2_GetCapability TPM_CAP_PCRS = ${describeSelections(selections)}`),
    },
  };
  return {
    measurements: [{ name: "pcrBanks", value: banks.length, unit: "banks" }],
    facts,
    notes: [
      `${id.manufacturer.vendor ?? hexNumber(id.manufacturer.id)} TPM 2.0, firmware ${id.firmware.text}, PCR banks ${banks.join(", ") || "none"}`,
    ],
    problems,
  };
}

async function capabilities12(
  tpm: TpmSession,
  required: readonly string[],
  log: (l: string) => void,
): Promise<ActiveTestResult> {
  const options = { timeoutMs: tpm.timeoutMs };
  const version = await tpm12GetVersion(tpm.transport, options);
  const manufacturer = await tpm12GetProperty(tpm.transport, TPM12_CAP.PROP_MANUFACTURER, options);
  const pcrCount = await tpm12GetProperty(tpm.transport, TPM12_CAP.PROP_PCR, options);
  const vendor = tcgVendorId(manufacturer);
  log(
    `TPM_CAP_VERSION_VAL: TPM ${version.family}, revision ${version.firmware}, vendor ${version.vendorId.vendor ?? version.vendorId.hex}`,
  );
  log(
    `TPM_CAP_PROP_MANUFACTURER ${hexNumber(manufacturer)} (${vendor ?? "not ASCII"}), TPM_CAP_PROP_PCR ${pcrCount}`,
  );
  const notes: string[] = [
    `${vendor ?? hexNumber(manufacturer)} TPM ${version.family}, firmware ${version.firmware}, ${pcrCount} PCRs`,
  ];
  if (version.vendorId.vendor !== vendor)
    notes.push(
      `TPM_CAP_VERSION_VAL names the vendor ${version.vendorId.vendor ?? version.vendorId.hex}, TPM_CAP_PROP_MANUFACTURER ${vendor ?? hexNumber(manufacturer)}`,
    );
  const banks = pcrCount > 0 ? ["sha1"] : [];
  const ev = (text: string): Fact["evidence"] => [tpm.evidence(text)];
  return {
    measurements: [{ name: "pcrBanks", value: banks.length, unit: "banks" }],
    facts: {
      "tpm.version": {
        value: "1.2",
        evidence: ev(`TPM_GetCapability TPM_CAP_VERSION_VAL version = ${version.family}`),
      },
      "tpm.vendor": {
        value: vendor,
        evidence: ev(`TPM_GetCapability TPM_CAP_PROP_MANUFACTURER = ${hexNumber(manufacturer)}`),
      },
      "tpm.manufacturerId": {
        value: manufacturer.toString(16).padStart(8, "0"),
        evidence: ev(`TPM_CAP_PROP_MANUFACTURER = ${hexNumber(manufacturer)}`),
      },
      "tpm.firmware": {
        value: version.firmware,
        evidence: ev(`TPM_CAP_VERSION_VAL revMajor.revMinor = ${version.firmware}`),
      },
      "tpm.pcrBanks": {
        value: banks,
        evidence: ev(`TPM 1.2: one SHA-1 bank of TPM_CAP_PROP_PCR = ${pcrCount} PCRs`),
      },
    },
    notes,
    problems: bankProblems(banks, required),
  };
}

/**
 * `tpm.capabilities`: what the TPM says it is. Yields the facts `tpm.version` ("1.2" / "2.0"),
 * `tpm.vendor` (the TCG vendor ID: `IFX`, `STM`, `NTC`, `IBM` for swtpm), `tpm.manufacturerId`,
 * `tpm.firmware` (2.0: TPM_PT_FIRMWARE_VERSION_1/2 as `a.b.c.d`; 1.2: revMajor.revMinor as the
 * kernel's `caps` shows it), `tpm.vendorString` (2.0), `tpm.specRevision` (2.0) and
 * `tpm.pcrBanks` (algorithms of the banks holding PCRs). A 2.0 whose family indicator is not
 * "2.0", no PCR bank, or a bank of `banks` missing, is a problem.
 *
 * @public
 */
export const tpmCapabilities: CoreTest = {
  id: "tpm.capabilities",
  title: "TPM identifies itself: version, vendor, firmware, PCR banks",
  params: {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    additionalProperties: false,
    properties: {
      banks: {
        type: "array",
        items: { type: "string", pattern: "^[a-z0-9_]{1,16}$" },
        uniqueItems: true,
        description:
          "PCR banks that must be allocated (sha1, sha256, sha384…). Default: none required beyond one bank.",
      },
      commandTimeoutSec: commandTimeoutParam(TIMEOUT_SEC),
    },
  },
  measures: { name: "pcrBanks", unit: "banks" },
  live: true,
  timeoutSec: 60,
  run(context) {
    const required = requiredBanks(context.params);
    return withTpm(context, TIMEOUT_SEC, (tpm) =>
      tpm.family === "2.0"
        ? capabilities2(tpm, required, (l) => context.log(l))
        : capabilities12(tpm, required, (l) => context.log(l)),
    );
  },
};
