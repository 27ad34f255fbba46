import { setTimeout as sleep } from "node:timers/promises";
import { HclError } from "../../errors/hcl-error.js";
import { ByteReader, ByteWriter, hexNumber, toHex } from "../bytes.js";
import { RESPONSE_HEADER_BYTES, type TpmTransport } from "../transport.js";
import { TPM12_RETRYABLE, decodeTpm12ReturnCode } from "./return-codes.js";

/** Tags (TCG TPM Main Part 2 §6): a command without authorization and its response. @public */
export const TPM12_TAG = { RQU_COMMAND: 0x00c1, RSP_COMMAND: 0x00c4 } as const;

/** Ordinals (Main Part 2 §17) of the commands hclkit sends. @public */
export const TPM_ORD = {
  PcrRead: 0x15,
  GetRandom: 0x46,
  SelfTestFull: 0x50,
  GetTestResult: 0x54,
  GetCapability: 0x65,
  Startup: 0x99,
} as const;

const ORDINAL_NAMES: ReadonlyMap<number, string> = new Map(
  Object.entries(TPM_ORD).map(([n, o]) => [o, `TPM_${n}`]),
);

/** TPM_CAPABILITY_AREA values (Main Part 2 §21.1) and TPM_CAP_PROPERTY subcaps (§21.2). @public */
export const TPM12_CAP = {
  PROPERTY: 0x05,
  VERSION_VAL: 0x1a,
  PROP_PCR: 0x101,
  PROP_MANUFACTURER: 0x103,
} as const;

/** TPM_INVALID_POSTINIT: a command before TPM_Startup, or a second TPM_Startup (Main Part 3 §3.2). @public */
export const TPM_INVALID_POSTINIT = 0x26;
/** TPM_FAILEDSELFTEST. @public */
export const TPM_FAILEDSELFTEST = 0x1c;

/** How long one exchange may take and how often TPM_RETRY / TPM_DOING_SELFTEST is retried. @public */
export interface Tpm12Options {
  readonly timeoutMs: number;
  /** Default 5. */
  readonly attempts?: number;
}

function ordinalName(ordinal: number): string {
  return ORDINAL_NAMES.get(ordinal) ?? `TPM 1.2 ordinal ${hexNumber(ordinal)}`;
}

/** Marshals a TPM 1.2 command without authorization: tag, paramSize, ordinal, parameters. @public */
export function marshalTpm12Command(
  ordinal: number,
  parameters: Uint8Array = new Uint8Array(0),
): Uint8Array {
  return new ByteWriter()
    .u16(TPM12_TAG.RQU_COMMAND)
    .u32(RESPONSE_HEADER_BYTES + parameters.length)
    .u32(ordinal)
    .bytes(parameters)
    .finish();
}

/**
 * Checks a TPM 1.2 response's tag (TPM_TAG_RSP_COMMAND), size and return code — an error
 * becomes `HCL_E_TPM_RESPONSE_CODE` naming it — and returns a reader over its parameters.
 *
 * @public
 */
export function parseTpm12Response(
  response: Uint8Array,
  ordinal: number,
  where: string,
): ByteReader {
  const name = ordinalName(ordinal);
  const r = new ByteReader(response, `${name} response from ${where}`);
  const tag = r.u16("tag");
  const size = r.u32("paramSize");
  const code = r.u32("returnCode");
  if (size !== response.length)
    throw new HclError(
      "HCL_E_TPM_BAD_SIZE",
      `${name} response from ${where}: its header gives ${size} bytes, ${response.length} came`,
      {
        details: { tpm: where, command: name, size, received: response.length },
      },
    );
  if (tag !== TPM12_TAG.RSP_COMMAND)
    throw new HclError(
      "HCL_E_TPM_BAD_TAG",
      `${name} response from ${where} has tag ${hexNumber(tag, 4)}, expected 0x00C4 (TPM_TAG_RSP_COMMAND)`,
      { details: { tpm: where, command: name, tag } },
    );
  if (code !== 0) {
    const decoded = decodeTpm12ReturnCode(code);
    throw new HclError(
      "HCL_E_TPM_RESPONSE_CODE",
      `${where} answered ${name} with ${decoded.text}`,
      {
        details: {
          tpm: where,
          command: name,
          responseCode: code,
          name: decoded.name,
          severity: decoded.severity,
        },
      },
    );
  }
  return r.sub(r.remaining, "parameters");
}

/** Sends a TPM 1.2 command; TPM_RETRY and TPM_DOING_SELFTEST are retried after a pause. @public */
export async function executeTpm12(
  transport: TpmTransport,
  ordinal: number,
  parameters: Uint8Array,
  options: Tpm12Options,
): Promise<ByteReader> {
  const bytes = marshalTpm12Command(ordinal, parameters);
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const response = await transport.transmit(bytes, options.timeoutMs);
    try {
      return parseTpm12Response(response, ordinal, transport.spec);
    } catch (error) {
      const code = error instanceof HclError ? error.details["responseCode"] : undefined;
      if (typeof code !== "number" || !TPM12_RETRYABLE.has(code) || attempt >= attempts)
        throw error;
      await sleep(Math.min(1000, 20 * 2 ** attempt));
    }
  }
}

/**
 * TPM_Startup(TPM_ST_CLEAR) (Main Part 3 §3.2): `already` when the TPM answers
 * TPM_INVALID_POSTINIT — the BIOS started it.
 *
 * @public
 */
export async function tpm12Startup(
  transport: TpmTransport,
  options: Tpm12Options,
): Promise<"started" | "already"> {
  try {
    (
      await executeTpm12(transport, TPM_ORD.Startup, new ByteWriter().u16(0x0001).finish(), options)
    ).end();
    return "started";
  } catch (error) {
    if (error instanceof HclError && error.details["responseCode"] === TPM_INVALID_POSTINIT)
      return "already";
    throw error;
  }
}

/** TPM_SelfTestFull (Main Part 3 §4.1): TPM_FAILEDSELFTEST is thrown as a response code error. @public */
export async function tpm12SelfTestFull(
  transport: TpmTransport,
  options: Tpm12Options,
): Promise<void> {
  (await executeTpm12(transport, TPM_ORD.SelfTestFull, new Uint8Array(0), options)).end();
}

/** TPM_GetTestResult (Main Part 3 §4.3): vendor-specific bytes about the last self-test. @public */
export async function tpm12GetTestResult(
  transport: TpmTransport,
  options: Tpm12Options,
): Promise<Uint8Array> {
  const r = await executeTpm12(transport, TPM_ORD.GetTestResult, new Uint8Array(0), options);
  const size = r.u32("outDataSize");
  const data = r.bytes(size, "outData");
  r.end();
  return data;
}

/** TPM_GetCapability (Main Part 3 §7.1): the `resp` bytes of one capability area. @public */
export async function tpm12GetCapability(
  transport: TpmTransport,
  area: number,
  subCap: Uint8Array,
  options: Tpm12Options,
): Promise<ByteReader> {
  const parameters = new ByteWriter().u32(area).u32(subCap.length).bytes(subCap).finish();
  const r = await executeTpm12(transport, TPM_ORD.GetCapability, parameters, options);
  const size = r.u32("respSize");
  const resp = r.sub(size, "resp");
  r.end();
  return resp;
}

/** A TPM 1.2's version (TPM_CAP_VERSION_INFO, Main Part 2 §21.6). @public */
export interface Tpm12Version {
  /** `1.2`: TPM_VERSION major.minor. */
  readonly family: string;
  /** revMajor.revMinor: the firmware version as the kernel's `caps` shows it (`6.40`). */
  readonly firmware: string;
  readonly specLevel: number;
  readonly errataRev: number;
  /** tpmVendorID: the TCG vendor ID (`IFX`, `STM`, `ATML`…) and its raw bytes in hex. */
  readonly vendorId: { readonly hex: string; readonly vendor: string | null };
}

/** TPM_TAG_CAP_VERSION_INFO. */
const TAG_CAP_VERSION_INFO = 0x0030;

/** TPM_GetCapability(TPM_CAP_VERSION_VAL): the version, firmware revision and vendor. @public */
export async function tpm12GetVersion(
  transport: TpmTransport,
  options: Tpm12Options,
): Promise<Tpm12Version> {
  const r = await tpm12GetCapability(transport, TPM12_CAP.VERSION_VAL, new Uint8Array(0), options);
  const tag = r.u16("TPM_CAP_VERSION_INFO.tag");
  if (tag !== TAG_CAP_VERSION_INFO)
    r.malformed(`TPM_CAP_VERSION_INFO.tag is ${hexNumber(tag, 4)}, expected 0x0030`);
  const major = r.u8("version.major");
  const minor = r.u8("version.minor");
  const revMajor = r.u8("version.revMajor");
  const revMinor = r.u8("version.revMinor");
  const specLevel = r.u16("specLevel");
  const errataRev = r.u8("errataRev");
  const vendor = r.bytes(4, "tpmVendorID");
  const vendorSize = r.u16("vendorSpecificSize");
  r.bytes(vendorSize, "vendorSpecific");
  r.end();
  const text = String.fromCharCode(...vendor.filter((b) => b !== 0)).trim();
  return {
    family: `${major}.${minor}`,
    firmware: `${revMajor}.${revMinor}`,
    specLevel,
    errataRev,
    vendorId: {
      hex: toHex(vendor),
      vendor: text !== "" && /^[\x20-\x7e]+$/.test(text) ? text : null,
    },
  };
}

/** TPM_GetCapability(TPM_CAP_PROPERTY, subCap): a UINT32 property. @public */
export async function tpm12GetProperty(
  transport: TpmTransport,
  property: number,
  options: Tpm12Options,
): Promise<number> {
  const r = await tpm12GetCapability(
    transport,
    TPM12_CAP.PROPERTY,
    new ByteWriter().u32(property).finish(),
    options,
  );
  const value = r.u32("property");
  r.end();
  return value;
}

/** TPM_PcrRead (Main Part 3 §16.2): the 20-byte SHA-1 value of one PCR, in hex. @public */
export async function tpm12PcrRead(
  transport: TpmTransport,
  pcr: number,
  options: Tpm12Options,
): Promise<string> {
  if (!Number.isInteger(pcr) || pcr < 0 || pcr > 0xffffffff)
    throw new HclError("HCL_E_TPM_ARGUMENT", `PCR ${String(pcr)} is not a PCR index`, {
      details: { pcr },
    });
  const r = await executeTpm12(
    transport,
    TPM_ORD.PcrRead,
    new ByteWriter().u32(pcr).finish(),
    options,
  );
  const digest = r.bytes(20, "outDigest");
  r.end();
  return toHex(digest);
}

/**
 * TPM_GetRandom (Main Part 3 §13.6), repeated until `bytes` came; an answer longer than asked
 * or empty is `HCL_E_TPM_MALFORMED`.
 *
 * @public
 */
export async function tpm12GetRandom(
  transport: TpmTransport,
  bytes: number,
  options: Tpm12Options,
): Promise<{ readonly bytes: Uint8Array; readonly responses: number }> {
  const out = new Uint8Array(bytes);
  let got = 0;
  let responses = 0;
  while (got < bytes) {
    const ask = Math.min(bytes - got, 256);
    const r = await executeTpm12(
      transport,
      TPM_ORD.GetRandom,
      new ByteWriter().u32(ask).finish(),
      options,
    );
    const size = r.u32("randomBytesSize");
    if (size > ask || size === 0)
      r.malformed(`randomBytesSize is ${size} for a request of ${ask}, expected 1 to ${ask}`);
    const chunk = r.bytes(size, "randomBytes");
    r.end();
    responses++;
    out.set(chunk, got);
    got += size;
  }
  return { bytes: out, responses };
}
