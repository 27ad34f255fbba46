import { HclError } from "../errors/hcl-error.js";

/** A TPM reached through a kernel character device: `/dev/tpmrm0`, `/dev/tpm0`. @public */
export interface DeviceTpmSpec {
  readonly kind: "device";
  /** Absolute path of the device, read under the run's root. */
  readonly path: string;
}

/** A swtpm instance with a TCP server socket and a TCP control channel. @public */
export interface SwtpmTpmSpec {
  readonly kind: "swtpm";
  readonly host: string;
  /** Port of the TPM command socket (`swtpm socket --server type=tcp,port=P`). */
  readonly port: number;
  /** Port of the control channel (`--ctrl type=tcp,port=…`): `port + 1` unless given. */
  readonly controlPort: number;
}

/** Where the TPM under test is, parsed from `--tpm SPEC`. @public */
export type TpmSpec = DeviceTpmSpec | SwtpmTpmSpec;

/** The spec a run uses when none is given: the kernel's resource-managed TPM device. @public */
export const DEFAULT_TPM_DEVICE = "/dev/tpmrm0";

const EXPECTED =
  "device:/dev/tpmrm0 (or another absolute device path), swtpm:HOST:PORT or swtpm:HOST:PORT:CTRLPORT";

/** Spellings other tools use for the same transports, and what hclkit calls them. */
const OTHER_NAMES: Readonly<Record<string, string>> = {
  tcp: "swtpm",
  socket: "swtpm",
  mssim: "swtpm",
  dev: "device",
  tpm: "device",
};

function bad(spec: string, found: string, hint?: string): never {
  throw new HclError(
    "HCL_E_TPM_SPEC",
    `TPM spec ${JSON.stringify(spec)}: ${found}; expected ${EXPECTED}`,
    {
      hint,
      details: { spec, expected: EXPECTED },
    },
  );
}

function parsePort(spec: string, text: string, what: string): number {
  if (!/^\d{1,5}$/.test(text)) bad(spec, `${what} is ${JSON.stringify(text)}, not a port number`);
  const port = Number(text);
  if (port < 1 || port > 65535) bad(spec, `${what} is ${port}, outside 1-65535`);
  return port;
}

/** `HOST:PORT[:CTRLPORT]`, HOST possibly a bracketed IPv6 address (`[::1]:2321`). */
function splitHostPorts(spec: string, rest: string): { host: string; ports: string[] } {
  if (rest.startsWith("[")) {
    const close = rest.indexOf("]");
    if (close === -1) bad(spec, `the IPv6 address ${JSON.stringify(rest)} has no closing ]`);
    const after = rest.slice(close + 1);
    if (!after.startsWith(":")) bad(spec, `no :PORT after ${rest.slice(0, close + 1)}`);
    return { host: rest.slice(1, close), ports: after.slice(1).split(":") };
  }
  const [host = "", ...ports] = rest.split(":");
  return { host, ports };
}

/**
 * Parses a TPM spec: `device:/dev/tpmrm0` (any absolute path), `swtpm:HOST:PORT` (control
 * channel on PORT+1, as swtpm's own examples and tpm2-tss's swtpm TCTI assume) or
 * `swtpm:HOST:PORT:CTRLPORT`. Anything else is `HCL_E_TPM_SPEC` (exit 2), naming what was found
 * and what was expected.
 *
 * @public
 */
export function parseTpmSpec(spec: string): TpmSpec {
  const colon = spec.indexOf(":");
  if (colon === -1) {
    if (spec.startsWith("/"))
      bad(spec, "a path without a kind", `Write device:${spec} for a kernel TPM device.`);
    bad(spec, `no kind before a colon`);
  }
  const kind = spec.slice(0, colon);
  const rest = spec.slice(colon + 1);
  if (kind === "device") {
    if (!rest.startsWith("/")) bad(spec, `the device path ${JSON.stringify(rest)} is not absolute`);
    if (rest.split("/").includes(".."))
      bad(spec, `the device path ${JSON.stringify(rest)} climbs with ..`);
    return { kind: "device", path: rest };
  }
  if (kind === "swtpm") {
    const { host, ports } = splitHostPorts(spec, rest);
    if (host === "") bad(spec, "no host before the port");
    if (ports.length < 1 || ports.length > 2 || ports[0] === "")
      bad(
        spec,
        `${ports.length === 0 || ports[0] === "" ? "no port" : `${ports.length} ports`} after the host`,
      );
    const port = parsePort(spec, ports[0] as string, "the port");
    const controlPort =
      ports[1] === undefined ? port + 1 : parsePort(spec, ports[1], "the control port");
    if (controlPort > 65535) bad(spec, `the control port would be ${controlPort}, past 65535`);
    if (controlPort === port) bad(spec, `the control port is the command port ${port}`);
    return { kind: "swtpm", host, port, controlPort };
  }
  const known = OTHER_NAMES[kind.toLowerCase()];
  const lower = kind.toLowerCase();
  const suggestion = known ?? (lower === "device" || lower === "swtpm" ? lower : undefined);
  bad(
    spec,
    `unknown kind ${JSON.stringify(kind)}`,
    suggestion === undefined ? undefined : `Did you mean ${suggestion}:${rest}?`,
  );
}

/** The canonical text of a spec: what messages and evidence name the TPM by. @public */
export function formatTpmSpec(spec: TpmSpec): string {
  if (spec.kind === "device") return `device:${spec.path}`;
  const host = spec.host.includes(":") ? `[${spec.host}]` : spec.host;
  return spec.controlPort === spec.port + 1
    ? `swtpm:${host}:${spec.port}`
    : `swtpm:${host}:${spec.port}:${spec.controlPort}`;
}

/**
 * The TPM a command talks to: the one given (`--tpm`), else the configuration's `tpm`, checked and
 * written in its canonical form; `null` for the machine's own device.
 *
 * @throws HclError `HCL_E_TPM_SPEC`.
 * @public
 */
export function resolveTpmSpec(
  given: string | undefined,
  configured: string | null | undefined,
): string | null {
  const spec = given ?? configured ?? null;
  return spec === null ? null : formatTpmSpec(parseTpmSpec(spec));
}
