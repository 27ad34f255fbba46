import { constants, type promises as fsp } from "node:fs";
import { open } from "node:fs/promises";

/** What one sequential read gave. @public */
export interface ReadResult {
  readonly bytes: number;
  /** Time spent in reads, from `process.hrtime.bigint()`. */
  readonly seconds: number;
  /** True when the page cache was bypassed (O_DIRECT). */
  readonly direct: boolean;
  /** Why O_DIRECT was not used, when it was not. */
  readonly fallback: string | null;
}

/** Options of {@link sequentialRead}. @public */
export interface ReadOptions {
  /** Read at most this many bytes (fewer when the file ends first). */
  readonly maxBytes: number;
  /** Bytes per read; a multiple of 4096, so that O_DIRECT accepts it on any device. */
  readonly blockBytes: number;
  readonly signal: AbortSignal;
  /** Try O_DIRECT first (default true). */
  readonly direct?: boolean;
}

const ALIGN = 4096;
const WASM_PAGE = 64 * 1024;

/**
 * A buffer whose memory starts on a page boundary. O_DIRECT needs the buffer aligned to the
 * device's logical block size (open(2), NOTES), and Node's Buffers come from malloc, aligned to
 * 16 bytes only; a WebAssembly memory is mapped whole pages, so its start is page-aligned.
 */
function alignedBuffer(bytes: number): Uint8Array {
  const pages = Math.ceil(bytes / WASM_PAGE);
  return new Uint8Array(new WasmMemory({ initial: pages, maximum: pages }).buffer, 0, bytes);
}

/** `WebAssembly.Memory`, which Node has and the ES library types do not declare. */
const WasmMemory = (
  globalThis as unknown as {
    WebAssembly: {
      Memory: new (descriptor: { initial: number; maximum: number }) => { buffer: ArrayBuffer };
    };
  }
).WebAssembly.Memory;

function errnoOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

async function openFile(
  file: string,
  direct: boolean,
): Promise<{ handle: fsp.FileHandle; direct: boolean; fallback: string | null }> {
  const flag = constants.O_DIRECT as number | undefined;
  if (!direct)
    return { handle: await open(file, "r"), direct: false, fallback: "O_DIRECT not asked for" };
  if (flag === undefined)
    return {
      handle: await open(file, "r"),
      direct: false,
      fallback: "this platform has no O_DIRECT",
    };
  try {
    return { handle: await open(file, constants.O_RDONLY | flag), direct: true, fallback: null };
  } catch (error) {
    // EINVAL: the file system or driver does not support O_DIRECT (open(2), ERRORS).
    if (errnoOf(error) !== "EINVAL") throw error;
    return {
      handle: await open(file, "r"),
      direct: false,
      fallback: `${file} refused O_DIRECT (EINVAL): read through the page cache`,
    };
  }
}

/**
 * Reads `file` from its start, `blockBytes` at a time, up to `maxBytes` or its end, and times the
 * reads. O_DIRECT first, so that the page cache does not answer in place of the device; a normal
 * read when the open or the first read refuses it (EINVAL), with the reason in `fallback`. Stops
 * with an Error when `signal` fires. Open and read errors (ENOENT, EACCES, ENOMEDIUM, EIO) are
 * thrown as they are, for the caller to judge.
 *
 * @public
 */
export async function sequentialRead(file: string, options: ReadOptions): Promise<ReadResult> {
  if (options.blockBytes % ALIGN !== 0 || options.blockBytes <= 0)
    throw new Error(`block of ${options.blockBytes} bytes is not a positive multiple of ${ALIGN}`);
  const opened = await openFile(file, options.direct ?? true);
  let { handle } = opened;
  let { direct, fallback } = opened;
  const buffer = alignedBuffer(options.blockBytes);
  let bytes = 0;
  let busy = 0n;
  try {
    while (bytes < options.maxBytes) {
      if (options.signal.aborted)
        throw new Error(`reading ${file} stopped after ${bytes} bytes: the test ran out of time`);
      // Whole aligned blocks even at the end: O_DIRECT refuses odd lengths, and a read past the
      // end of a file or device just comes back short.
      const want = Math.min(
        options.blockBytes,
        Math.ceil((options.maxBytes - bytes) / ALIGN) * ALIGN,
      );
      const start = process.hrtime.bigint();
      let got: number;
      try {
        ({ bytesRead: got } = await handle.read(buffer, 0, want, bytes));
      } catch (error) {
        if (!(direct && bytes === 0 && errnoOf(error) === "EINVAL")) throw error;
        await handle.close();
        handle = await open(file, "r");
        direct = false;
        fallback = `${file} refused an O_DIRECT read (EINVAL): read through the page cache`;
        continue;
      }
      busy += process.hrtime.bigint() - start;
      if (got === 0) break;
      bytes += Math.min(got, options.maxBytes - bytes);
    }
  } finally {
    await handle.close();
  }
  return { bytes, seconds: Number(busy) / 1e9, direct, fallback };
}
