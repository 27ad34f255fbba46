import { close, open, read, write } from "node:fs";
import { HclError } from "../errors/hcl-error.js";
import {
  ExchangeQueue,
  MAX_RESPONSE_BYTES,
  RESPONSE_HEADER_BYTES,
  commandLabel,
  declaredResponseSize,
  timeoutError,
  type TpmTransport,
} from "./transport.js";

function openFd(file: string): Promise<number> {
  return new Promise((resolve, reject) =>
    open(file, "r+", (error, fd) => (error ? reject(error) : resolve(fd))),
  );
}

function writeFd(fd: number, bytes: Uint8Array, at: number): Promise<number> {
  return new Promise((resolve, reject) =>
    write(fd, bytes, at, bytes.length - at, null, (error, n) =>
      error ? reject(error) : resolve(n),
    ),
  );
}

function readFd(fd: number, buffer: Uint8Array, at: number): Promise<number> {
  return new Promise((resolve, reject) =>
    read(fd, buffer, at, buffer.length - at, null, (error, n) =>
      error ? reject(error) : resolve(n),
    ),
  );
}

function errno(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return typeof code === "string" ? code : String((error as Error).message);
}

/**
 * A kernel TPM character device, `/dev/tpmrm0` (resource-managed, TPM 2.0) or `/dev/tpm0`: a
 * command is one write() of the whole command, its response one read() (drivers/char/tpm/
 * tpm-dev-common.c: `tpm_common_write` queues the command, `tpm_common_read` hands back the
 * response). Reads are repeated until the header's size arrived, so a character device that
 * delivers the response in pieces (a pty in tests) works too.
 *
 * Raw file descriptors, not FileHandle: a read blocked in the thread pool must not hold up
 * close() after a timeout.
 *
 * @public
 */
export class DeviceTransport implements TpmTransport {
  readonly kind = "device" as const;
  private readonly queue = new ExchangeQueue();
  private fd: number | null;
  private closedWhy: string | null = null;

  private constructor(
    fd: number,
    readonly spec: string,
    /** The host path opened. */
    readonly file: string,
  ) {
    this.fd = fd;
  }

  /**
   * Opens `file` read-write: `HCL_E_TPM_OPEN` naming the reason (ENOENT, EACCES — the device
   * belongs to group tss; EBUSY — another process holds /dev/tpm0).
   */
  static async open(file: string, spec: string): Promise<DeviceTransport> {
    try {
      return new DeviceTransport(await openFd(file), spec, file);
    } catch (error) {
      const code = errno(error);
      throw new HclError("HCL_E_TPM_OPEN", `${spec}: cannot open ${file} (${code})`, {
        hint:
          code === "EACCES"
            ? "Run as root or as a member of the group that owns the device (tss on Debian)."
            : code === "EBUSY"
              ? "Another process (tcsd, tpm2-abrmd) holds /dev/tpm0: use /dev/tpmrm0 or stop it."
              : undefined,
        cause: error,
        details: { tpm: spec, file, errno: code },
      });
    }
  }

  transmit(command: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
    return this.queue.run(() => this.exchange(command, timeoutMs));
  }

  close(): Promise<void> {
    this.shut("closed");
    return Promise.resolve();
  }

  private async exchange(command: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
    const fd = this.fd;
    if (fd === null)
      throw new HclError(
        "HCL_E_TPM_IO",
        `${this.spec}: the device is ${this.closedWhy ?? "closed"}`,
        {
          details: { tpm: this.spec },
        },
      );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.shut("closed after a timeout");
        reject(timeoutError(this.spec, commandLabel(command), timeoutMs));
      }, timeoutMs);
    });
    const work = this.roundTrip(fd, command);
    // The losing side of the race must not become an unhandled rejection.
    work.catch(() => undefined);
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async roundTrip(fd: number, command: Uint8Array): Promise<Uint8Array> {
    try {
      for (let at = 0; at < command.length;) at += await writeFd(fd, command, at);
    } catch (error) {
      throw this.ioError(`cannot write ${commandLabel(command)}`, error);
    }
    const buffer = new Uint8Array(MAX_RESPONSE_BYTES + 1);
    let got = 0;
    let size = Number.POSITIVE_INFINITY;
    while (got < size) {
      let n: number;
      try {
        n = await readFd(fd, buffer, got);
      } catch (error) {
        throw this.ioError(`cannot read the response to ${commandLabel(command)}`, error);
      }
      if (this.fd !== fd)
        throw new HclError("HCL_E_TPM_IO", `${this.spec}: closed during the exchange`);
      if (n === 0)
        throw new HclError(
          got === 0 ? "HCL_E_TPM_IO" : "HCL_E_TPM_TRUNCATED",
          got === 0
            ? `${this.spec} returned no response to ${commandLabel(command)}`
            : `${this.spec} ended its response to ${commandLabel(command)} after ${got} bytes${Number.isFinite(size) ? ` of ${size}` : ""}`,
          { details: { tpm: this.spec, received: got } },
        );
      got += n;
      if (got >= RESPONSE_HEADER_BYTES && !Number.isFinite(size))
        size = declaredResponseSize(buffer, this.spec);
    }
    if (got > size)
      throw new HclError(
        "HCL_E_TPM_BAD_SIZE",
        `${this.spec} returned ${got} bytes for a response whose header says ${size}`,
        { details: { tpm: this.spec, size, received: got } },
      );
    return buffer.slice(0, size);
  }

  private ioError(what: string, error: unknown): HclError {
    return new HclError("HCL_E_TPM_IO", `${this.spec}: ${what} (${errno(error)})`, {
      cause: error,
      details: { tpm: this.spec, errno: errno(error) },
    });
  }

  private shut(why: string): void {
    const fd = this.fd;
    if (fd === null) return;
    this.fd = null;
    this.closedWhy = why;
    close(fd, () => undefined);
  }
}
