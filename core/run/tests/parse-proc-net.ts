import { SocketAddress } from "node:net";
import os from "node:os";

/** The four socket tables of `/proc/net` the test reads. @public */
export type ProcNetProtocol = "tcp" | "tcp6" | "udp" | "udp6";

/** Byte order of the machine that printed the table. @public */
export type Endianness = "LE" | "BE";

/** One socket line of `/proc/net/{tcp,tcp6,udp,udp6}`. @public */
export interface ProcNetSocket {
  readonly protocol: ProcNetProtocol;
  /** `0.0.0.0`, `127.0.0.1`, `::`, `::ffff:10.0.0.1` (as `inet_ntop` writes it). */
  readonly localAddress: string;
  readonly localPort: number;
  readonly remoteAddress: string;
  readonly remotePort: number;
  /** `st`: a TCP state number of include/net/tcp_states.h (`0x0A` LISTEN, `0x07` CLOSE). */
  readonly state: number;
  readonly uid: number;
  readonly inode: number;
  /** True for 127.0.0.0/8, `::1` and IPv4-mapped 127.0.0.0/8. */
  readonly loopback: boolean;
  /** Remote address and port are all zero: the socket is not connected to a peer. */
  readonly unconnected: boolean;
  /** 1-based line of the file. */
  readonly line: number;
}

// include/net/tcp_states.h: TCP_ESTABLISHED = 1 … TCP_CLOSE = 7, TCP_LISTEN = 10.
const TCP_CLOSE = 0x07;
const TCP_LISTEN = 0x0a;

const HEX_WORDS: Readonly<Record<ProcNetProtocol, number>> = { tcp: 1, udp: 1, tcp6: 4, udp6: 4 };

/**
 * The bytes of an address as `/proc/net` prints it. The kernel prints each 32-bit word of the
 * address with `%08X` as a host-order integer (net/ipv4/tcp_ipv4.c `get_tcp4_sock`,
 * net/ipv6/tcp_ipv6.c `get_tcp6_sock`: `src->s6_addr32[0..3]`), so on a little-endian machine
 * `0100007F` is 127.0.0.1: each word's bytes come out reversed, the words stay in order.
 *
 * @public
 */
export function procNetAddressBytes(
  hex: string,
  endianness: Endianness = hostEndianness(),
): number[] {
  if (!/^(?:[0-9A-Fa-f]{8}|[0-9A-Fa-f]{32})$/.test(hex))
    throw new Error(`"${hex}" is not a /proc/net address (8 or 32 hex digits)`);
  const bytes: number[] = [];
  for (let i = 0; i < hex.length; i += 8) {
    const word = Number.parseInt(hex.slice(i, i + 8), 16);
    const be = [word >>> 24, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff];
    bytes.push(...(endianness === "LE" ? be.reverse() : be));
  }
  return bytes;
}

/**
 * A `/proc/net` address in the usual text form: dotted quad for 8 hex digits, `inet_ntop`'s IPv6
 * form (zeros compressed, IPv4-mapped as `::ffff:a.b.c.d`) for 32.
 *
 * @public
 */
export function decodeProcNetAddress(
  hex: string,
  endianness: Endianness = hostEndianness(),
): string {
  return formatAddress(procNetAddressBytes(hex, endianness));
}

function formatAddress(bytes: readonly number[]): string {
  if (bytes.length === 4) return bytes.join(".");
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2)
    groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  return new SocketAddress({ address: groups.join(":"), family: "ipv6" }).address;
}

function isLoopback(bytes: readonly number[]): boolean {
  if (bytes.length === 4) return bytes[0] === 127;
  const prefix = bytes.slice(0, 12);
  if (prefix.every((b, i) => b === (i >= 10 ? 0xff : 0))) return bytes[12] === 127;
  return bytes.slice(0, 15).every((b) => b === 0) && bytes[15] === 1;
}

/** `os.endianness()`: the byte order of the machine whose `/proc` is read live. @public */
export function hostEndianness(): Endianness {
  return os.endianness();
}

/**
 * Parses one of `/proc/net/{tcp,tcp6,udp,udp6}`: a header line, then one line per socket
 * (`sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode …`).
 * The format is the kernel's, not a library's. Anything else — a missing header, a line cut
 * short, an address of the wrong length for the table — throws an Error naming the file and
 * line: a table the test cannot read is not a clean bill of health.
 *
 * @public
 */
export function parseProcNet(
  text: string,
  file: string,
  protocol: ProcNetProtocol,
  endianness: Endianness = hostEndianness(),
): ProcNetSocket[] {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  if (lines.length === 0 || !/^\s*sl\s+local_address\s/.test(lines[0] ?? ""))
    throw new Error(
      `${file} line 1: ${show(lines[0] ?? "(empty file)")} is not the header "sl local_address rem_address st …"`,
    );
  const digits = HEX_WORDS[protocol] * 8;
  const address = new RegExp(`^([0-9A-Fa-f]{${digits}}):([0-9A-Fa-f]{4})$`);
  const sockets: ProcNetSocket[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    const fields = line.trim().split(/\s+/);
    const local = address.exec(fields[1] ?? "");
    const remote = address.exec(fields[2] ?? "");
    const [sl, , , st, , , , uid, , inode] = fields;
    if (
      fields.length < 10 ||
      !/^\d+:$/.test(sl ?? "") ||
      local === null ||
      remote === null ||
      !/^[0-9A-Fa-f]{2}$/.test(st ?? "") ||
      !/^\d{1,10}$/.test(uid ?? "") ||
      !/^\d{1,20}$/.test(inode ?? "")
    )
      throw new Error(
        `${file} line ${i + 1}: ${show(line)} is not a ${protocol} socket line (expected "N: ${"X".repeat(digits)}:PPPP ${"X".repeat(digits)}:PPPP ST … uid timeout inode")`,
      );
    const localBytes = procNetAddressBytes(local[1] as string, endianness);
    sockets.push({
      protocol,
      localAddress: formatAddress(localBytes),
      localPort: Number.parseInt(local[2] as string, 16),
      remoteAddress: decodeProcNetAddress(remote[1] as string, endianness),
      remotePort: Number.parseInt(remote[2] as string, 16),
      state: Number.parseInt(st as string, 16),
      uid: Number(uid),
      inode: Number(inode),
      loopback: isLoopback(localBytes),
      unconnected: /^0+$/.test(remote[1] as string) && /^0+$/.test(remote[2] as string),
      line: i + 1,
    });
  }
  return sockets;
}

/**
 * True for a socket that accepts traffic from anyone: a TCP socket in LISTEN, or a UDP socket
 * bound and not connected (UDP reuses the TCP state numbers: an unconnected socket is
 * TCP_CLOSE, a connected one TCP_ESTABLISHED, net/ipv4/datagram.c `__ip4_datagram_connect`).
 *
 * @public
 */
export function isListening(socket: ProcNetSocket): boolean {
  if (socket.protocol === "tcp" || socket.protocol === "tcp6") return socket.state === TCP_LISTEN;
  return socket.state === TCP_CLOSE && socket.unconnected;
}

/** `tcp 0.0.0.0:22`, `udp6 [::]:5353`: a socket's protocol and local end. @public */
export function describeLocalEnd(socket: ProcNetSocket): string {
  const host = socket.localAddress.includes(":") ? `[${socket.localAddress}]` : socket.localAddress;
  return `${socket.protocol} ${host}:${socket.localPort}`;
}

function show(line: string): string {
  return JSON.stringify(line.length > 80 ? `${line.slice(0, 80)}…` : line);
}
