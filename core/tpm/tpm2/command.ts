import { setTimeout as sleep } from "node:timers/promises";
import { HclError, isHclError } from "../../errors/hcl-error.js";
import { ByteReader, ByteWriter, hexNumber } from "../bytes.js";
import { RESPONSE_HEADER_BYTES, type TpmTransport } from "../transport.js";
import { TPM_CC_NAMES, TPM_RH, TPM_ST } from "./constants.js";
import { RETRYABLE_RESPONSE_CODES, decodeResponseCode } from "./response-codes.js";

/** A TPM 2.0 command to marshal (Part 1 §18 "Command/Response Structure"). @public */
export interface Tpm2Command {
  /** TPM_CC. */
  readonly code: number;
  /** The handle area. */
  readonly handles?: readonly number[];
  /**
   * How many of the handles need authorization: each gets a password session (TPM_RS_PW) with
   * an empty password — hclkit authorizes only the hierarchies' default empty auth and its own
   * keys, created with an empty auth value.
   */
  readonly authorizations?: number;
  /** The marshalled parameter area. */
  readonly parameters?: Uint8Array;
}

/** How long one exchange may take, and how often a retryable warning is retried. @public */
export interface Tpm2Options {
  readonly timeoutMs: number;
  /** Attempts when the TPM answers TPM_RC_RETRY, TPM_RC_YIELDED or TPM_RC_TESTING; default 5. */
  readonly attempts?: number;
}

/** A successful response, split into its areas. @public */
export interface Tpm2Response {
  /** The response's handle area (one handle for TPM2_CreatePrimary). */
  readonly handles: readonly number[];
  /** The parameter area; the caller reads it to its end. */
  readonly parameters: ByteReader;
}

/** `TPM2_PCR_Read`, or `TPM2 command 0x00000199` for a code hclkit does not name. @public */
export function commandName(code: number): string {
  return TPM_CC_NAMES.get(code) ?? `TPM2 command ${hexNumber(code)}`;
}

/**
 * Marshals a command: tag (TPM_ST_SESSIONS when any handle needs authorization), commandSize,
 * commandCode, handles, then for sessions the authorizationSize and one password session per
 * authorized handle — sessionHandle TPM_RS_PW, an empty nonce, sessionAttributes 0, an empty
 * hmac (Part 1 §19.6.5 "Password Authorizations") — then the parameters.
 *
 * @public
 */
export function marshalTpm2Command(command: Tpm2Command): Uint8Array {
  const sessions = command.authorizations ?? 0;
  const body = new ByteWriter();
  for (const handle of command.handles ?? []) body.u32(handle);
  if (sessions > 0) {
    const auth = new ByteWriter();
    for (let i = 0; i < sessions; i++)
      auth.u32(TPM_RH.PW).tpm2b(new Uint8Array(0)).u8(0).tpm2b(new Uint8Array(0));
    const area = auth.finish();
    body.u32(area.length).bytes(area);
  }
  body.bytes(command.parameters ?? new Uint8Array(0));
  const rest = body.finish();
  return new ByteWriter()
    .u16(sessions > 0 ? TPM_ST.SESSIONS : TPM_ST.NO_SESSIONS)
    .u32(RESPONSE_HEADER_BYTES + rest.length)
    .u32(command.code)
    .bytes(rest)
    .finish();
}

/**
 * Splits a TPM 2.0 response (Part 1 §18.8): checks its tag against the command's, its response
 * code (an error becomes `HCL_E_TPM_RESPONSE_CODE` with the code's name and meaning), reads
 * `handleCount` response handles, then — with sessions — the parameterSize, the parameters and
 * the authorization area to the end.
 *
 * @public
 */
export function parseTpm2Response(
  response: Uint8Array,
  command: Tpm2Command,
  handleCount: number,
  where: string,
): Tpm2Response {
  const name = commandName(command.code);
  const reader = new ByteReader(response, `${name} response from ${where}`);
  const tag = reader.u16("tag");
  const size = reader.u32("responseSize");
  const code = reader.u32("responseCode");
  if (size !== response.length)
    throw new HclError(
      "HCL_E_TPM_BAD_SIZE",
      `${name} response from ${where}: its header gives ${size} bytes, ${response.length} came`,
      { details: { tpm: where, command: name, size, received: response.length } },
    );
  if (tag === TPM_ST.RSP_COMMAND)
    throw new HclError(
      "HCL_E_TPM_BAD_TAG",
      `${where} answered ${name} with tag 0x00C4 (TPM_ST_RSP_COMMAND) and code ${hexNumber(code, 3)}: a TPM 1.2, or a TPM 2.0 that could not read the command's tag`,
      { details: { tpm: where, command: name, tag, responseCode: code } },
    );
  if (code !== 0) {
    const decoded = decodeResponseCode(code);
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
  const sessions = (command.authorizations ?? 0) > 0;
  const expected = sessions ? TPM_ST.SESSIONS : TPM_ST.NO_SESSIONS;
  if (tag !== expected)
    throw new HclError(
      "HCL_E_TPM_BAD_TAG",
      `${name} response from ${where} has tag ${hexNumber(tag, 4)}, expected ${hexNumber(expected, 4)}`,
      { details: { tpm: where, command: name, tag, expected } },
    );
  const handles: number[] = [];
  for (let i = 0; i < handleCount; i++) handles.push(reader.u32(`handle ${i + 1}`));
  if (!sessions) return { handles, parameters: reader.sub(reader.remaining, "parameters") };
  const parameterSize = reader.u32("parameterSize");
  const parameters = reader.sub(parameterSize, "parameters");
  for (let i = 0; reader.remaining > 0; i++) {
    reader.tpm2b(`session ${i + 1} nonce`, 64);
    reader.u8(`session ${i + 1} sessionAttributes`);
    reader.tpm2b(`session ${i + 1} hmac`, 64);
  }
  return { handles, parameters };
}

/** The TPM response code an error carries, when it is a `HCL_E_TPM_RESPONSE_CODE`. @public */
export function responseCodeOf(error: unknown): number | null {
  if (!isHclError(error) || error.code !== "HCL_E_TPM_RESPONSE_CODE") return null;
  const code = error.details["responseCode"];
  return typeof code === "number" ? code : null;
}

/**
 * Sends a command and returns its parsed response. A retryable warning (TPM_RC_RETRY,
 * TPM_RC_YIELDED, TPM_RC_TESTING) is retried after a short pause, up to `attempts` times.
 *
 * @public
 */
export async function executeTpm2(
  transport: TpmTransport,
  command: Tpm2Command,
  options: Tpm2Options,
  handleCount = 0,
): Promise<Tpm2Response> {
  const bytes = marshalTpm2Command(command);
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const response = await transport.transmit(bytes, options.timeoutMs);
    try {
      return parseTpm2Response(response, command, handleCount, transport.spec);
    } catch (error) {
      const code = responseCodeOf(error);
      if (code === null || !RETRYABLE_RESPONSE_CODES.has(code) || attempt >= attempts) throw error;
      await sleep(Math.min(1000, 20 * 2 ** attempt));
    }
  }
}
