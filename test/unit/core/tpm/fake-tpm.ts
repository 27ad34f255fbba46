import { createHash } from "node:crypto";
import net from "node:net";
import { ByteReader, ByteWriter } from "../../../../core/tpm/bytes.js";
import type { TpmTransport } from "../../../../core/tpm/transport.js";
import { readPcrSelections } from "../../../../core/tpm/tpm2/structures.js";

/** Answers one command: the response bytes, or `null` to stay silent. */
export type TpmHandler = (command: Uint8Array) => Uint8Array | null;

/** A TPM 2.0 response: header with `code`, then `body`. */
export function response2(
  code: number,
  body: Uint8Array = new Uint8Array(0),
  tag = 0x8001,
): Uint8Array {
  return new ByteWriter()
    .u16(tag)
    .u32(10 + body.length)
    .u32(code)
    .bytes(body)
    .finish();
}

/** A TPM 1.2 response. */
export function response12(code: number, body: Uint8Array = new Uint8Array(0)): Uint8Array {
  return response2(code, body, 0x00c4);
}

/** The command code (or 1.2 ordinal) of a command. */
export function commandCode(command: Uint8Array): number {
  return new DataView(command.buffer, command.byteOffset, command.length).getUint32(6);
}

/** A digest that is not all zeros: SHA of `text`, cut to `bytes`. */
export function digestOf(text: string, bytes: number): string {
  return createHash("sha512")
    .update(text)
    .digest("hex")
    .slice(0, bytes * 2);
}

const SIZES: Record<number, number> = { 0x0004: 20, 0x000b: 32, 0x000c: 48, 0x000d: 64 };

/** What a fake TPM 2.0 does. */
export interface Fake2Options {
  readonly manufacturer?: number;
  readonly family?: number;
  readonly firmware?: readonly [number, number];
  readonly vendor?: readonly [number, number, number, number];
  /** Banks (TPM_ALG_ID) with PCRs 0-23; default sha1 and sha256. */
  readonly banks?: readonly number[];
  /** Banks TPM_CAP_PCRS lists besides `banks`, which TPM2_PCR_Read never returns. */
  readonly phantomBanks?: readonly number[];
  /** PCR values, `${alg}:${pcr}` → hex; others are derived from the name. */
  readonly pcrs?: Readonly<Record<string, string>>;
  /** Digests per TPM2_PCR_Read response; default 8. */
  readonly digestsPerRead?: number;
  readonly selfTest?: "pass" | "fail" | "testing";
  readonly random?: "fresh" | "constant";
  /** Bytes per TPM2_GetRandom answer at most; default what was asked. */
  readonly randomChunk?: number;
  /** Answer everything with TPM_RC_FAILURE. */
  readonly failureMode?: boolean;
  /** Not started: TPM_RC_INITIALIZE until TPM2_Startup. */
  readonly needsStartup?: boolean;
}

/** The value of a PCR in the fake. */
export function fakePcr(options: Fake2Options, alg: number, pcr: number): string {
  return options.pcrs?.[`${alg}:${pcr}`] ?? digestOf(`${alg}:${pcr}`, SIZES[alg] ?? 32);
}

/**
 * A TPM 2.0 that answers TPM2_Startup, GetCapability (TPM_PROPERTIES from 0x100, PCRS), PCR_Read
 * (in pieces of `digestsPerRead`), SelfTest, GetTestResult and GetRandom — the commands the
 * active tests send — with values set by `options`. Everything else is TPM_RC_COMMAND_CODE.
 */
export function fakeTpm2(options: Fake2Options = {}): TpmHandler & { readonly received: number[] } {
  const banks = options.banks ?? [0x0004, 0x000b];
  let started = options.needsStartup !== true;
  let testing = options.selfTest === "testing" ? 2 : 0;
  let counter = 0;
  const received: number[] = [];
  const handler = (command: Uint8Array): Uint8Array => {
    const code = commandCode(command);
    received.push(code);
    if (new DataView(command.buffer, command.byteOffset).getUint16(0) !== 0x8001)
      return response12(0x1e);
    if (options.failureMode === true) return response2(0x101);
    const r = new ByteReader(command, "command", 10);
    if (code === 0x144) {
      if (started) return response2(0x100);
      started = true;
      return response2(0);
    }
    if (!started) return response2(0x100);
    if (code === 0x17a) {
      const cap = r.u32("cap");
      const property = r.u32("property");
      const count = r.u32("count");
      if (cap === 5) {
        const listed = [...banks, ...(options.phantomBanks ?? [])];
        const w = new ByteWriter().u8(0).u32(5).u32(listed.length);
        for (const alg of listed)
          w.u16(alg)
            .u8(3)
            .bytes(Uint8Array.of(0xff, 0xff, 0xff));
        return response2(0, w.finish());
      }
      const [v1, v2] = options.firmware ?? [0x00070055, 0x0011000a];
      const vendor = options.vendor ?? [0x534c4239, 0x36373000, 0, 0];
      const table = new Map<number, number>([
        [0x100, options.family ?? 0x322e3000],
        [0x102, 138],
        [0x105, options.manufacturer ?? 0x49465800],
        [0x106, vendor[0]],
        [0x107, vendor[1]],
        [0x108, vendor[2]],
        [0x109, vendor[3]],
        [0x10b, v1],
        [0x10c, v2],
        [0x112, 24],
      ]);
      const props = [...table].filter(([p]) => p >= property && p < property + count).slice(0, 4);
      const more = [...table].some(
        ([p]) => p > (props[props.length - 1]?.[0] ?? property) && p < property + count,
      );
      const w = new ByteWriter()
        .u8(more ? 1 : 0)
        .u32(6)
        .u32(props.length);
      for (const [p, v] of props) w.u32(p).u32(v);
      return response2(0, w.finish());
    }
    if (code === 0x17e) {
      const asked = readPcrSelections(r, "in");
      const per = options.digestsPerRead ?? 8;
      const out: { alg: number; pcrs: number[] }[] = [];
      let n = 0;
      for (const s of asked) {
        const pcrs = banks.includes(s.hash) ? s.pcrs.filter((p) => p < 24) : [];
        const take = pcrs.slice(0, Math.max(0, per - n));
        n += take.length;
        out.push({ alg: s.hash, pcrs: take });
      }
      const w = new ByteWriter().u32(counter++).u32(out.length);
      for (const s of out) {
        const bitmap = new Uint8Array(3);
        for (const p of s.pcrs) bitmap[p >> 3] = (bitmap[p >> 3] as number) | (1 << (p & 7));
        w.u16(s.alg).u8(3).bytes(bitmap);
      }
      w.u32(n);
      for (const s of out)
        for (const p of s.pcrs) w.tpm2b(Buffer.from(fakePcr(options, s.alg, p), "hex"));
      return response2(0, w.finish());
    }
    if (code === 0x143) {
      if (options.selfTest === "fail") return response2(0x101);
      if (options.selfTest === "testing") return response2(0x90a);
      return response2(0);
    }
    if (code === 0x17c) {
      const result = options.selfTest === "fail" ? 0x101 : testing-- > 0 ? 0x90a : 0;
      return response2(0, new ByteWriter().tpm2b(Uint8Array.of(0xab)).u32(result).finish());
    }
    if (code === 0x17b) {
      const asked = r.u16("bytesRequested");
      const n = Math.min(asked, options.randomChunk ?? asked);
      const bytes =
        options.random === "constant"
          ? new Uint8Array(n).fill(0x5a)
          : createHash("sha512").update(String(Math.random())).digest().subarray(0, n);
      return response2(0, new ByteWriter().tpm2b(bytes).finish());
    }
    return response2(0x143);
  };
  return Object.assign(handler, { received });
}

/** What a fake TPM 1.2 does. */
export interface Fake12Options {
  readonly manufacturer?: number;
  readonly pcrs?: Readonly<Record<number, string>>;
  readonly selfTest?: "pass" | "fail";
  readonly random?: "fresh" | "constant";
  /** Not started: TPM_INVALID_POSTINIT until TPM_Startup. */
  readonly needsStartup?: boolean;
}

/** The value of a PCR in the fake 1.2. */
export function fakePcr12(options: Fake12Options, pcr: number): string {
  return options.pcrs?.[pcr] ?? digestOf(`1.2:${pcr}`, 20);
}

/** A TPM 1.2 answering TPM_Startup, GetCapability, PcrRead, SelfTestFull, GetTestResult, GetRandom. */
export function fakeTpm12(
  options: Fake12Options = {},
): TpmHandler & { readonly received: number[] } {
  let started = options.needsStartup !== true;
  const received: number[] = [];
  const handler = (command: Uint8Array): Uint8Array => {
    const ordinal = commandCode(command);
    received.push(ordinal);
    if (new DataView(command.buffer, command.byteOffset).getUint16(0) !== 0x00c1)
      return response12(0x1e);
    const r = new ByteReader(command, "command", 10);
    if (ordinal === 0x99) {
      if (started) return response12(0x26);
      started = true;
      return response12(0);
    }
    if (!started) return response12(0x26);
    if (ordinal === 0x65) {
      const area = r.u32("area");
      r.u32("subCapSize");
      if (area === 0x1a) {
        const info = Uint8Array.from(Buffer.from("003001020628000203494658000000", "hex"));
        return response12(0, new ByteWriter().u32(info.length).bytes(info).finish());
      }
      const sub = r.u32("subCap");
      const value = sub === 0x103 ? (options.manufacturer ?? 0x49465800) : sub === 0x101 ? 24 : 0;
      return response12(0, new ByteWriter().u32(4).u32(value).finish());
    }
    if (ordinal === 0x15) {
      const pcr = r.u32("pcr");
      if (pcr >= 24) return response12(0x02);
      return response12(0, Buffer.from(fakePcr12(options, pcr), "hex"));
    }
    if (ordinal === 0x50) return response12(options.selfTest === "fail" ? 0x1c : 0);
    if (ordinal === 0x54)
      return response12(0, new ByteWriter().u32(2).bytes(Uint8Array.of(1, 2)).finish());
    if (ordinal === 0x46) {
      const n = r.u32("bytesRequested");
      const bytes =
        options.random === "constant"
          ? new Uint8Array(n).fill(7)
          : createHash("sha512")
              .update(String(Math.random()))
              .digest()
              .subarray(0, Math.min(n, 64));
      return response12(0, new ByteWriter().u32(bytes.length).bytes(bytes).finish());
    }
    return response12(0x0a);
  };
  return Object.assign(handler, { received });
}

/** An in-process transport answering with `handler`; silence is a timeout, as a real transport's. */
export class ScriptedTransport implements TpmTransport {
  readonly kind = "swtpm" as const;
  readonly sent: Uint8Array[] = [];
  powerOns = 0;
  closed = false;

  constructor(
    private handler: TpmHandler,
    readonly spec = "swtpm:scripted:1",
    private readonly onPowerOn?: () => TpmHandler | void,
  ) {}

  transmit(command: Uint8Array): Promise<Uint8Array> {
    this.sent.push(command);
    const answer = this.handler(command);
    return answer === null
      ? Promise.reject(new Error("scripted TPM is silent"))
      : Promise.resolve(answer);
  }

  get powerOn(): ((timeoutMs: number) => Promise<void>) | undefined {
    if (this.onPowerOn === undefined) return undefined;
    return () => {
      this.powerOns++;
      const next = this.onPowerOn?.();
      if (next !== undefined) this.handler = next;
      return Promise.resolve();
    };
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

/** A loopback TPM server answering with `handler`, and a control port answering CMD_INIT with 0. */
export interface ServedTpm {
  readonly port: number;
  readonly controlPort: number;
  /** `swtpm:127.0.0.1:PORT:CTRLPORT`. */
  readonly spec: string;
  /** Control commands received. */
  readonly control: number[];
  close(): Promise<void>;
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)),
  );
}

/**
 * Serves `handler` on a loopback port, framing commands by their header's size as swtpm does;
 * `onControl` answers control-channel commands (default: result 0).
 */
export async function serveTpm(
  handler: TpmHandler,
  onControl: (code: number) => Uint8Array | null = () => new Uint8Array(4),
): Promise<ServedTpm> {
  const sockets = new Set<net.Socket>();
  const control: number[] = [];
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    let buffer = Buffer.alloc(0);
    socket.on("data", (data) => {
      buffer = Buffer.concat([buffer, data]);
      while (buffer.length >= 10) {
        const size = buffer.readUInt32BE(2);
        if (buffer.length < size) break;
        const answer = handler(new Uint8Array(buffer.subarray(0, size)));
        buffer = buffer.subarray(size);
        if (answer !== null) socket.write(answer);
      }
    });
    socket.on("error", () => undefined);
  });
  const ctrl = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("data", (data) => {
      const code = data.readUInt32BE(0);
      control.push(code);
      const answer = onControl(code);
      if (answer !== null) socket.write(answer);
    });
    socket.on("error", () => undefined);
  });
  const port = await listen(server);
  const controlPort = await listen(ctrl);
  return {
    port,
    controlPort,
    spec: `swtpm:127.0.0.1:${port}:${controlPort}`,
    control,
    close: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => ctrl.close(r))]);
    },
  };
}

/** Fake TPMs served on loopback for one suite, closed after each test. */
export function useFakeTpms(): (handler: TpmHandler) => Promise<ServedTpm> {
  const served: ServedTpm[] = [];
  afterEach(async () => {
    for (const s of served.splice(0)) await s.close();
  });
  return async (handler) => {
    const s = await serveTpm(handler);
    served.push(s);
    return s;
  };
}
