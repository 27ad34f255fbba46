import net from "node:net";
import { HclError } from "../errors/hcl-error.js";

/** Why a read on a {@link SocketChannel} ended early: the peer closed, the deadline passed. @public */
export class ChannelEnded extends Error {
  override readonly name = "ChannelEnded";
  constructor(
    readonly reason: "closed" | "timeout",
    /** Bytes of the read that had arrived. */
    readonly received: number,
    cause?: unknown,
  ) {
    super(reason === "closed" ? "the connection closed" : "the deadline passed", { cause });
  }
}

interface PendingRead {
  readonly n: number;
  readonly resolve: (bytes: Uint8Array) => void;
  readonly reject: (error: ChannelEnded) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * A TCP connection read in exact lengths: `read(10)` resolves with 10 bytes once they have all
 * arrived, however TCP cut them. One read at a time (callers queue their exchanges).
 *
 * @public
 */
export class SocketChannel {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private pending: PendingRead | null = null;
  private ended: Error | null = null;

  private constructor(private readonly socket: net.Socket) {
    socket.on("data", (data: Buffer) => {
      this.chunks.push(data);
      this.buffered += data.length;
      this.settle();
    });
    socket.on("error", (error) => this.end(error));
    socket.on("close", () => this.end(null));
  }

  /**
   * Connects to `host:port` within `timeoutMs`: `HCL_E_TPM_OPEN` when refused or unreachable,
   * `HCL_E_TPM_TIMEOUT` when nothing answered in time. `where` names the TPM in messages.
   */
  static connect(
    host: string,
    port: number,
    timeoutMs: number,
    where: string,
  ): Promise<SocketChannel> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host, port });
      socket.setNoDelay(true);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(
          new HclError(
            "HCL_E_TPM_TIMEOUT",
            `${where}: no connection to ${host}:${port} within ${timeoutMs} ms`,
            {
              details: { tpm: where, host, port, timeoutMs },
            },
          ),
        );
      }, timeoutMs);
      socket.once("connect", () => {
        clearTimeout(timer);
        socket.removeAllListeners("error");
        resolve(new SocketChannel(socket));
      });
      socket.once("error", (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        socket.destroy();
        reject(
          new HclError(
            "HCL_E_TPM_OPEN",
            `${where}: cannot connect to ${host}:${port} (${error.code ?? error.message})`,
            {
              hint: "Check that swtpm runs with --server type=tcp,port=PORT and --ctrl type=tcp,port=PORT+1.",
              cause: error,
              details: { tpm: where, host, port },
            },
          ),
        );
      });
    });
  }

  /** Bytes received and not read yet. */
  get unread(): number {
    return this.buffered;
  }

  /** Drops the unread bytes, returning how many there were. */
  discard(): number {
    const n = this.buffered;
    this.chunks = [];
    this.buffered = 0;
    return n;
  }

  /** Writes `bytes`; a failed write surfaces as the end of the pending read. */
  write(bytes: Uint8Array): void {
    if (this.ended !== null) throw new ChannelEnded("closed", 0, this.ended);
    this.socket.write(bytes);
  }

  /**
   * Resolves with exactly `n` bytes; rejects with {@link ChannelEnded} when the connection ends
   * first or `timeoutMs` passes.
   */
  read(n: number, timeoutMs: number): Promise<Uint8Array> {
    if (this.pending !== null) throw new Error("SocketChannel.read: a read is pending already");
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => {
          this.pending = null;
          reject(new ChannelEnded("timeout", this.buffered));
        },
        Math.max(0, timeoutMs),
      );
      this.pending = { n, resolve, reject, timer };
      this.settle();
    });
  }

  /** Closes the connection; a pending read rejects. */
  close(): void {
    this.socket.destroy();
    this.end(null);
  }

  private settle(): void {
    const pending = this.pending;
    if (pending === null) return;
    if (this.buffered >= pending.n) {
      this.pending = null;
      clearTimeout(pending.timer);
      const all = Buffer.concat(this.chunks, this.buffered);
      const out = all.subarray(0, pending.n);
      const rest = all.subarray(pending.n);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.buffered = rest.length;
      pending.resolve(new Uint8Array(out));
    } else if (this.ended !== null) {
      this.pending = null;
      clearTimeout(pending.timer);
      pending.reject(new ChannelEnded("closed", this.buffered, this.ended));
    }
  }

  private end(error: Error | null): void {
    if (this.ended === null) this.ended = error ?? new Error("the connection closed");
    this.settle();
  }
}
