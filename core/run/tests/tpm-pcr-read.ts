import { DirectoryFs } from "../../evidence/evidence-fs.js";
import { LiveSource } from "../../evidence/snapshot-source.js";
import { collectTpm } from "../../inventory/tpm/collect-tpm.js";
import type { TpmPcrs } from "../../inventory/tpm/schema.js";
import type { ActiveTestResult } from "../../plugin/api.js";
import { TPM12_CAP, tpm12GetProperty, tpm12PcrRead } from "../../tpm/tpm12/commands.js";
import { tpm2GetPcrBanks } from "../../tpm/tpm2/capabilities.js";
import { algorithmName } from "../../tpm/tpm2/constants.js";
import { tpm2PcrRead } from "../../tpm/tpm2/pcr-read.js";
import { describeSelections } from "../../tpm/tpm2/structures.js";
import type { CoreTest, CoreTestContext } from "./core-test.js";
import { stringParam } from "./params.js";
import { commandTimeoutParam, withTpm, type TpmSession } from "./tpm-connect.js";

const TIMEOUT_SEC = 10;
/** PCRs 0-23: the PC Client platform's (TCG PC Client Platform TPM Profile, "PCR" table). */
const PC_CLIENT_PCRS = 24;

/** One PCR value read from the TPM. */
interface Read {
  readonly bank: string;
  readonly pcr: number;
  readonly digest: string;
}

/**
 * The `/sys/class/tpm` device whose PCR files belong to the TPM under test: the `sysfsDevice`
 * param; else, for a kernel device, its own (`/dev/tpmrm0` and `/dev/tpm0` are `tpm0`); none for
 * swtpm, which the kernel does not know.
 */
function sysfsDevice(context: CoreTestContext, tpm: TpmSession): string | null {
  const given = stringParam(context.params, "sysfsDevice");
  if (given !== undefined) return given;
  if (tpm.spec.kind !== "device") return null;
  const match = /\/tpm(?:rm)?(\d+)$/.exec(tpm.spec.path);
  return match === null ? null : `tpm${match[1] as string}`;
}

/** The PCR values sysfs shows for `name`, bank → index → hex; `null` when it shows none. */
function sysfsPcrs(root: string, name: string): TpmPcrs | null {
  const devices = collectTpm(new LiveSource(root, new DirectoryFs(root))).value ?? [];
  return devices.find((d) => d.name === name)?.pcrs ?? null;
}

function sysfsFile(name: string, bank: string, pcr: number): string {
  return `/sys/class/tpm/${name}/pcr-${bank}/${pcr}`;
}

/**
 * Compares what the TPM read with what sysfs showed just before and just after. A PCR that
 * differs from both sysfs reads while those two agree is a problem; one whose sysfs value
 * changed in between was extended while reading (IMA extends PCR 10 with every file it
 * measures) and is only noted.
 */
function compare(
  reads: readonly Read[],
  before: TpmPcrs,
  after: TpmPcrs | null,
  name: string,
  oneSha1File: boolean,
): { compared: number; problems: string[]; notes: string[] } {
  const problems: string[] = [];
  const notes: string[] = [];
  let compared = 0;
  for (const { bank, pcr, digest } of reads) {
    const first = before[bank]?.[String(pcr)];
    if (first === undefined) continue;
    compared++;
    const second = after?.[bank]?.[String(pcr)] ?? first;
    if (digest === first || digest === second) continue;
    const file = oneSha1File
      ? `/sys/class/tpm/${name}/pcrs (PCR-${String(pcr).padStart(2, "0")})`
      : sysfsFile(name, bank, pcr);
    if (first !== second)
      notes.push(`${bank} PCR ${pcr} changed while it was read (${file}): not compared`);
    else problems.push(`${bank} PCR ${pcr}: the TPM reads ${digest}, ${file} shows ${first}`);
  }
  return { compared, problems, notes };
}

async function read2(
  tpm: TpmSession,
  log: (l: string) => void,
): Promise<{ reads: Read[]; problems: string[]; notes: string[] }> {
  const options = { timeoutMs: tpm.timeoutMs };
  const banks = (await tpm2GetPcrBanks(tpm.transport, options))
    .map((b) => ({ hash: b.hash, pcrs: b.pcrs.filter((p) => p < PC_CLIENT_PCRS) }))
    .filter((b) => b.pcrs.length > 0);
  log(`TPM_CAP_PCRS: ${describeSelections(banks)}`);
  const problems = banks.length === 0 ? ["no PCR bank holds PCRs 0-23"] : [];
  const result = await tpm2PcrRead(tpm.transport, banks, options);
  log(
    `TPM2_PCR_Read: ${result.values.length} values in ${result.responses} responses, pcrUpdateCounter ${result.updateCounter}`,
  );
  for (const s of result.unread)
    problems.push(
      `${algorithmName(s.hash)} PCRs ${s.pcrs.join(",")} are allocated but TPM2_PCR_Read does not return them`,
    );
  const notes = result.counterChanged
    ? ["pcrUpdateCounter changed during the read: a PCR was extended meanwhile"]
    : [];
  return {
    reads: result.values.map((v) => ({ bank: v.bank, pcr: v.pcr, digest: v.digest })),
    problems,
    notes,
  };
}

async function read12(
  tpm: TpmSession,
  log: (l: string) => void,
): Promise<{ reads: Read[]; problems: string[]; notes: string[] }> {
  const options = { timeoutMs: tpm.timeoutMs };
  const count = Math.min(
    await tpm12GetProperty(tpm.transport, TPM12_CAP.PROP_PCR, options),
    PC_CLIENT_PCRS,
  );
  const reads: Read[] = [];
  for (let pcr = 0; pcr < count; pcr++)
    reads.push({ bank: "sha1", pcr, digest: await tpm12PcrRead(tpm.transport, pcr, options) });
  log(`TPM_PcrRead: PCRs 0-${count - 1}`);
  return {
    reads,
    problems: count === 0 ? ["the TPM has no PCRs (TPM_CAP_PROP_PCR = 0)"] : [],
    notes: [],
  };
}

/**
 * `tpm.pcr-read`: every allocated bank's PCRs 0-23 can be read (TPM2_PCR_Read in as many
 * exchanges as it takes; TPM_PcrRead for a 1.2), and when sysfs shows PCR values for the same
 * TPM (`/sys/class/tpm/tpm0/pcr-<bank>/N`, kernel 5.12+, or a 1.2's `pcrs` file) each agrees
 * with the TPM's. A bank that holds PCRs the TPM will not return, or a value that disagrees
 * with sysfs, is a problem.
 *
 * @public
 */
export const tpmPcrRead: CoreTest = {
  id: "tpm.pcr-read",
  title: "TPM PCR banks are readable and agree with sysfs",
  params: {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    additionalProperties: false,
    properties: {
      sysfsDevice: {
        type: "string",
        pattern: "^tpm\\d{1,3}$",
        description:
          "The /sys/class/tpm device whose PCR files are compared with the TPM. Default: the kernel device's own (tpm0 for /dev/tpmrm0 and /dev/tpm0); none for swtpm.",
      },
      commandTimeoutSec: commandTimeoutParam(TIMEOUT_SEC),
    },
  },
  measures: { name: "pcrs", unit: "PCRs" },
  live: true,
  timeoutSec: 60,
  run(context) {
    return withTpm(context, TIMEOUT_SEC, async (tpm): Promise<ActiveTestResult> => {
      const name = sysfsDevice(context, tpm);
      const before = name === null ? null : sysfsPcrs(context.root, name);
      const read =
        tpm.family === "2.0"
          ? await read2(tpm, (l) => context.log(l))
          : await read12(tpm, (l) => context.log(l));
      const after = name === null || before === null ? null : sysfsPcrs(context.root, name);
      const notes = [...read.notes];
      let compared = 0;
      const problems = [...read.problems];
      if (before === null)
        notes.push(
          name === null
            ? "no sysfs device to compare with (swtpm)"
            : `/sys/class/tpm/${name} shows no PCR values: nothing to compare`,
        );
      else {
        const oneSha1File = tpm.family === "1.2";
        const result = compare(read.reads, before, after, name as string, oneSha1File);
        compared = result.compared;
        problems.push(...result.problems);
        notes.push(...result.notes);
        context.log(`compared ${compared} PCR values with /sys/class/tpm/${name as string}`);
      }
      const banks = [...new Set(read.reads.map((r) => r.bank))];
      notes.unshift(
        `${read.reads.length} PCR values read (${banks.join(", ") || "no bank"}), ${compared} compared with sysfs`,
      );
      return {
        measurements: [
          { name: "pcrs", value: read.reads.length, unit: "PCRs" },
          { name: "compared", value: compared, unit: "PCRs" },
        ],
        notes,
        problems,
      };
    });
  },
};
