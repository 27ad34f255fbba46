import { HclError } from "../errors/hcl-error.js";
import { hexNumber } from "./bytes.js";

/**
 * A way to send one TPM command and read its response: a kernel device or swtpm's socket.
 * Commands go one at a time — a transport queues a second `transmit` until the first is
 * answered — and every exchange is bounded in time.
 *
 * @public
 */
export interface TpmTransport {
  /** How the TPM is named in messages and evidence: `device:/dev/tpmrm0`, `swtpm:127.0.0.1:2321`. */
  readonly spec: string;
  readonly kind: "device" | "swtpm";
  /**
   * Sends a marshalled command and resolves with the whole response: its 10-byte header and
   * exactly as many bytes as the header's size field says. Rejects with `HCL_E_TPM_TIMEOUT`
   * when no complete response came within `timeoutMs`, `HCL_E_TPM_TRUNCATED` when the TPM
   * stopped mid-response, `HCL_E_TPM_BAD_SIZE` when the size field is impossible or more bytes
   * came than it says, `HCL_E_TPM_IO` when the exchange failed. After a timeout the transport
   * is closed: a late response would be taken for the next command's.
   */
  transmit(command: Uint8Array, timeoutMs: number): Promise<Uint8Array>;
  /**
   * Powers the TPM on (swtpm's `CMD_INIT` on the control channel): after it, the TPM needs
   * TPM2_Startup / TPM_Startup. Absent on kernel devices, which the firmware powered on.
   */
  powerOn?(timeoutMs: number): Promise<void>;
  /** Closes the device or sockets; a pending `transmit` rejects with `HCL_E_TPM_IO`. */
  close(): Promise<void>;
}

/** Size of a TPM 1.2 and 2.0 response header: tag (2), size (4), response code (4). @public */
export const RESPONSE_HEADER_BYTES = 10;

/**
 * Largest response hclkit accepts. TPM 2.0 responses are bounded by TPM_PT_MAX_RESPONSE_SIZE
 * (4096 on common TPMs; the kernel's TPM_BUFSIZE is 4096); 64 KiB leaves room and still stops a
 * size field that is garbage from making a reader wait for gigabytes.
 *
 * @public
 */
export const MAX_RESPONSE_BYTES = 65536;

/** A response header's three fields. @public */
export interface ResponseHeader {
  readonly tag: number;
  readonly size: number;
  readonly code: number;
}

/** The header of a response's first 10 bytes. @public */
export function readResponseHeader(bytes: Uint8Array): ResponseHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  return { tag: view.getUint16(0), size: view.getUint32(2), code: view.getUint32(6) };
}

/**
 * The size a response header declares, checked: `HCL_E_TPM_BAD_SIZE` when it cannot hold its
 * own header or is past {@link MAX_RESPONSE_BYTES}. `where` names the TPM.
 *
 * @public
 */
export function declaredResponseSize(header: Uint8Array, where: string): number {
  const size = readResponseHeader(header).size;
  if (size < RESPONSE_HEADER_BYTES || size > MAX_RESPONSE_BYTES)
    throw new HclError(
      "HCL_E_TPM_BAD_SIZE",
      `${where} answered a response whose header gives its size as ${size} bytes (${hexNumber(size)}); expected ${RESPONSE_HEADER_BYTES} to ${MAX_RESPONSE_BYTES}`,
      { details: { tpm: where, size } },
    );
  return size;
}

/** `command code 0x0000017A`: a command named by its code, for transport-level messages. @public */
export function commandLabel(command: Uint8Array): string {
  if (command.length < RESPONSE_HEADER_BYTES) return `a ${command.length}-byte command`;
  const view = new DataView(command.buffer, command.byteOffset, command.length);
  return `command code ${hexNumber(view.getUint32(6))}`;
}

/** `HCL_E_TPM_TIMEOUT` for an exchange with `where` that took longer than `timeoutMs`. @public */
export function timeoutError(where: string, what: string, timeoutMs: number): HclError {
  return new HclError(
    "HCL_E_TPM_TIMEOUT",
    `${where} did not answer ${what} within ${timeoutMs} ms`,
    {
      hint: "Check that the TPM is enabled and that no other process holds it (swtpm serves one connection at a time); a slow TPM needs a larger commandTimeoutSec.",
      details: { tpm: where, timeoutMs },
    },
  );
}

/**
 * Runs exchanges one at a time: each starts when the previous one settled, whatever its
 * outcome. Kernel TPM devices take one command per open file; swtpm one per connection.
 *
 * @public
 */
export class ExchangeQueue {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(exchange: () => Promise<T>): Promise<T> {
    const next = this.last.then(exchange, exchange);
    this.last = next.catch(() => undefined);
    return next;
  }
}
