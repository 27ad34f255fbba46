import { HclError } from "../errors/hcl-error.js";
import { ChannelEnded, SocketChannel } from "./socket-channel.js";
import { SwtpmControl } from "./swtpm-control.js";
import type { SwtpmTpmSpec } from "./spec.js";
import { formatTpmSpec } from "./spec.js";
import {
  ExchangeQueue,
  RESPONSE_HEADER_BYTES,
  commandLabel,
  declaredResponseSize,
  timeoutError,
  type TpmTransport,
} from "./transport.js";

/**
 * swtpm's TCP server socket (`swtpm socket --server type=tcp,port=P`): raw TPM commands, each
 * answered by a response whose 10-byte header gives its size. The control channel
 * ({@link SwtpmControl}) powers the TPM on.
 *
 * @public
 */
export class SwtpmTransport implements TpmTransport {
  readonly kind = "swtpm" as const;
  readonly spec: string;
  /** swtpm's control channel, connected on first use. */
  readonly control: SwtpmControl;
  private readonly queue = new ExchangeQueue();
  private closed: string | null = null;

  private constructor(
    private readonly channel: SocketChannel,
    readonly address: SwtpmTpmSpec,
  ) {
    this.spec = formatTpmSpec(address);
    this.control = new SwtpmControl(address.host, address.controlPort, this.spec);
  }

  /** Connects to the command socket within `timeoutMs` (`HCL_E_TPM_OPEN`, `HCL_E_TPM_TIMEOUT`). */
  static async connect(address: SwtpmTpmSpec, timeoutMs: number): Promise<SwtpmTransport> {
    const channel = await SocketChannel.connect(
      address.host,
      address.port,
      timeoutMs,
      formatTpmSpec(address),
    );
    return new SwtpmTransport(channel, address);
  }

  transmit(command: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
    return this.queue.run(() => this.exchange(command, timeoutMs));
  }

  async powerOn(timeoutMs: number): Promise<void> {
    await this.control.init(timeoutMs);
  }

  close(): Promise<void> {
    this.closed ??= "closed";
    this.channel.close();
    this.control.close();
    return Promise.resolve();
  }

  private async exchange(command: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
    if (this.closed !== null)
      throw new HclError("HCL_E_TPM_IO", `${this.spec}: the connection is ${this.closed}`, {
        details: { tpm: this.spec },
      });
    const stale = this.channel.discard();
    if (stale > 0) {
      this.fail("closed after unexpected bytes");
      throw new HclError(
        "HCL_E_TPM_BAD_SIZE",
        `${this.spec} sent ${stale} bytes after the end of its last response, expected none`,
        { details: { tpm: this.spec, extra: stale } },
      );
    }
    const started = Date.now();
    const left = (): number => timeoutMs - (Date.now() - started);
    let received = 0;
    try {
      this.channel.write(command);
      const header = await this.channel.read(RESPONSE_HEADER_BYTES, left());
      received = RESPONSE_HEADER_BYTES;
      const size = declaredResponseSize(header, this.spec);
      const body = await this.channel.read(size - RESPONSE_HEADER_BYTES, left());
      const response = new Uint8Array(size);
      response.set(header);
      response.set(body, RESPONSE_HEADER_BYTES);
      // One command at a time: bytes already there past the declared size belong to no command.
      if (this.channel.unread > 0) {
        const extra = this.channel.discard();
        this.fail("closed after a response longer than its size");
        throw new HclError(
          "HCL_E_TPM_BAD_SIZE",
          `${this.spec} sent ${size + extra} bytes for a response whose header says ${size}`,
          { details: { tpm: this.spec, size, received: size + extra } },
        );
      }
      return response;
    } catch (error) {
      if (!(error instanceof ChannelEnded)) {
        if (error instanceof HclError && error.code === "HCL_E_TPM_BAD_SIZE")
          this.fail("closed after a bad response");
        throw error;
      }
      // close() may have run while the read waited: the type narrowing above does not know.
      const closedBefore = this.closedReason();
      if (closedBefore !== null && error.reason === "closed")
        throw new HclError(
          "HCL_E_TPM_IO",
          `${this.spec}: the connection was ${closedBefore} before the answer came`,
          {
            details: { tpm: this.spec },
          },
        );
      this.fail(error.reason === "timeout" ? "closed after a timeout" : "closed by swtpm");
      if (error.reason === "timeout")
        throw timeoutError(this.spec, commandLabel(command), timeoutMs);
      const got = received + error.received;
      throw new HclError(
        got > 0 ? "HCL_E_TPM_TRUNCATED" : "HCL_E_TPM_IO",
        got > 0
          ? `${this.spec} closed the connection after ${got} bytes of a response`
          : `${this.spec} closed the connection without answering`,
        { cause: error.cause, details: { tpm: this.spec, received: got } },
      );
    }
  }

  private closedReason(): string | null {
    return this.closed;
  }

  private fail(why: string): void {
    this.closed ??= why;
    this.channel.close();
  }
}
