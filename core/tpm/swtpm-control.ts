import { HclError } from "../errors/hcl-error.js";
import { ByteWriter, hexNumber } from "./bytes.js";
import { ChannelEnded, SocketChannel } from "./socket-channel.js";
import { ExchangeQueue, timeoutError } from "./transport.js";

/**
 * Commands of swtpm's control channel (swtpm `include/swtpm/tpm_ioctl.h`, `man swtpm_ioctls`):
 * a big-endian UINT32 command code, then the command's request structure; the answer is its
 * response structure, led by a big-endian `ptm_res` TPM result code.
 *
 * @public
 */
export const SWTPM_CMD = {
  GET_CAPABILITY: 0x01,
  INIT: 0x02,
  SHUTDOWN: 0x03,
  GET_TPMESTABLISHED: 0x04,
  STOP: 0x0e,
} as const;

/** `PTM_CAP_*` bits of `CMD_GET_CAPABILITY`'s answer (tpm_ioctl.h). @public */
export const SWTPM_CAPABILITIES: Readonly<Record<string, number>> = {
  INIT: 1 << 0,
  SHUTDOWN: 1 << 1,
  GET_TPMESTABLISHED: 1 << 2,
  SET_LOCALITY: 1 << 3,
  HASHING: 1 << 4,
  CANCEL_TPM_CMD: 1 << 5,
  STORE_VOLATILE: 1 << 6,
  RESET_TPMESTABLISHED: 1 << 7,
  GET_STATEBLOB: 1 << 8,
  SET_STATEBLOB: 1 << 9,
  STOP: 1 << 10,
  GET_CONFIG: 1 << 11,
  SET_DATAFD: 1 << 12,
  SET_BUFFERSIZE: 1 << 13,
  GET_INFO: 1 << 14,
};

/**
 * swtpm's control channel over TCP: out-of-band power on (`CMD_INIT`), shut down, and what
 * the instance supports. Connected on first use; exchanges go one at a time, each bounded.
 *
 * @public
 */
export class SwtpmControl {
  private channel: SocketChannel | null = null;
  private readonly queue = new ExchangeQueue();

  constructor(
    readonly host: string,
    readonly port: number,
    /** The TPM's spec, for messages. */
    private readonly where: string,
  ) {}

  /** The `PTM_CAP_*` names the instance supports (`CMD_GET_CAPABILITY`: a UINT64 of flags, no result code). */
  async capabilities(timeoutMs: number): Promise<string[]> {
    const answer = await this.exchange(
      SWTPM_CMD.GET_CAPABILITY,
      new Uint8Array(0),
      8,
      "CMD_GET_CAPABILITY",
      timeoutMs,
    );
    const flags = new DataView(answer.buffer, answer.byteOffset, 8).getBigUint64(0);
    return Object.entries(SWTPM_CAPABILITIES)
      .filter(([, bit]) => (flags & BigInt(bit)) !== 0n)
      .map(([name]) => name);
  }

  /**
   * `CMD_INIT`: (re)starts the TPM — the equivalent of powering it on, after which it needs
   * TPM2_Startup / TPM_Startup. `deleteVolatile` sets `PTM_INIT_FLAG_DELETE_VOLATILE`.
   */
  async init(timeoutMs: number, deleteVolatile = false): Promise<void> {
    const body = new ByteWriter().u32(deleteVolatile ? 1 : 0).finish();
    await this.result(SWTPM_CMD.INIT, body, "CMD_INIT", timeoutMs);
  }

  /** `CMD_SHUTDOWN`: swtpm saves its state and exits. */
  async shutdown(timeoutMs: number): Promise<void> {
    await this.result(SWTPM_CMD.SHUTDOWN, new Uint8Array(0), "CMD_SHUTDOWN", timeoutMs);
  }

  /** `CMD_STOP`: the TPM halts until the next `CMD_INIT`; the process stays. */
  async stop(timeoutMs: number): Promise<void> {
    await this.result(SWTPM_CMD.STOP, new Uint8Array(0), "CMD_STOP", timeoutMs);
  }

  /** Closes the control connection. */
  close(): void {
    this.channel?.close();
    this.channel = null;
  }

  private async result(
    code: number,
    body: Uint8Array,
    name: string,
    timeoutMs: number,
  ): Promise<void> {
    const answer = await this.exchange(code, body, 4, name, timeoutMs);
    const result = new DataView(answer.buffer, answer.byteOffset, 4).getUint32(0);
    if (result !== 0)
      throw new HclError(
        "HCL_E_TPM_CONTROL",
        `${this.where}: swtpm's control channel answered ${name} with TPM result ${hexNumber(result)}, expected 0`,
        { details: { tpm: this.where, command: name, result } },
      );
  }

  private exchange(
    code: number,
    body: Uint8Array,
    answerBytes: number,
    name: string,
    timeoutMs: number,
  ): Promise<Uint8Array> {
    return this.queue.run(async () => {
      const started = Date.now();
      const where = `${this.where} control channel ${this.host}:${this.port}`;
      this.channel ??= await SocketChannel.connect(this.host, this.port, timeoutMs, where);
      const channel = this.channel;
      // swtpm reads a control command with one read() (ctrlchannel.c): send it in one write.
      channel.write(new ByteWriter().u32(code).bytes(body).finish());
      try {
        return await channel.read(answerBytes, timeoutMs - (Date.now() - started));
      } catch (error) {
        this.close();
        if (!(error instanceof ChannelEnded)) throw error;
        if (error.reason === "timeout") throw timeoutError(where, name, timeoutMs);
        throw new HclError(
          error.received > 0 ? "HCL_E_TPM_TRUNCATED" : "HCL_E_TPM_IO",
          `${where} closed the connection after ${error.received} of the ${answerBytes} bytes of its answer to ${name}`,
          {
            cause: error.cause,
            details: { tpm: this.where, command: name, received: error.received },
          },
        );
      }
    });
  }
}
