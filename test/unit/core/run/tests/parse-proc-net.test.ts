import { existsSync, readFileSync } from "node:fs";
import { BlockList, isIPv6 } from "node:net";
import { expect } from "chai";
import fc from "fast-check";
import {
  decodeProcNetAddress,
  describeLocalEnd,
  isListening,
  parseProcNet,
  type Endianness,
  type ProcNetProtocol,
} from "../../../../../core/run/tests/parse-proc-net.js";

const TCP_HEADER =
  "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode                                                     ";
const TCP6_HEADER =
  "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";
const UDP_HEADER =
  "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops            ";

/** A socket line as net/ipv4/tcp_ipv4.c prints it. */
function line(sl: number, local: string, remote: string, st: string, inode: number): string {
  return `${String(sl).padStart(4)}: ${local} ${remote} ${st} 00000000:00000000 00:00000000 00000000     0        0 ${inode} 1 0000000095c54319 100 0 0 10 0`;
}

/** The kernel's `%08X` of each 32-bit word of an address, read as a host-order integer. */
function encode(bytes: readonly number[], endianness: Endianness): string {
  let hex = "";
  for (let i = 0; i < bytes.length; i += 4) {
    const [a = 0, b = 0, c = 0, d = 0] = bytes.slice(i, i + 4);
    const word =
      endianness === "LE"
        ? (d << 24) | (c << 16) | (b << 8) | a
        : (a << 24) | (b << 16) | (c << 8) | d;
    hex += (word >>> 0).toString(16).toUpperCase().padStart(8, "0");
  }
  return hex;
}

/** IPv6 text → 16 bytes; an independent reading for the property tests (`::`, embedded IPv4). */
function ipv6Bytes(text: string): number[] {
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  let head = text;
  const tail: number[] = [];
  if (v4 !== null) {
    head = text.slice(0, v4.index) + "0:0";
    tail.push(...v4.slice(1, 5).map(Number));
  }
  const [left = "", right] = head.split("::");
  const words = (s: string): number[] =>
    s === "" ? [] : s.split(":").map((w) => Number.parseInt(w, 16));
  const l = words(left);
  const r = right === undefined ? [] : words(right);
  const all = [...l, ...new Array<number>(8 - l.length - r.length).fill(0), ...r];
  const bytes = all.flatMap((w) => [w >> 8, w & 0xff]);
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

describe("decodeProcNetAddress", () => {
  it("reverses the bytes of each word on a little-endian machine, keeping the words in order", () => {
    expect(decodeProcNetAddress("0100007F", "LE")).to.equal("127.0.0.1");
    expect(decodeProcNetAddress("7F000001", "BE")).to.equal("127.0.0.1");
    expect(decodeProcNetAddress("00000000", "LE")).to.equal("0.0.0.0");
    expect(decodeProcNetAddress("00000000000000000000000001000000", "LE")).to.equal("::1");
    expect(decodeProcNetAddress("0000000000000000FFFF00000100007F", "LE")).to.equal(
      "::ffff:127.0.0.1",
    );
    expect(decodeProcNetAddress("000080FE00000000FF005452563412FE", "LE")).to.equal(
      "fe80::5254:ff:fe12:3456",
    );
    expect(decodeProcNetAddress("00000000000000000000000000000000", "BE")).to.equal("::");
  });

  it("refuses what is not 8 or 32 hex digits", () => {
    for (const bad of ["0100007", "0100007G", "", "0".repeat(16), "0".repeat(33)])
      expect(() => decodeProcNetAddress(bad, "LE"), bad).to.throw(/not a \/proc\/net address/);
  });

  for (const endianness of ["LE", "BE"] as const) {
    it(`decodes every IPv4 address the kernel can print (${endianness})`, () => {
      fc.assert(
        fc.property(fc.ipV4(), (address) => {
          const bytes = address.split(".").map(Number);
          expect(decodeProcNetAddress(encode(bytes, endianness), endianness)).to.equal(address);
        }),
      );
    });

    it(`decodes every IPv6 address to the same address, in canonical form (${endianness})`, () => {
      fc.assert(
        fc.property(fc.ipV6(), (address) => {
          const decoded = decodeProcNetAddress(encode(ipv6Bytes(address), endianness), endianness);
          const same = new BlockList();
          same.addAddress(address, "ipv6");
          expect(isIPv6(decoded)).to.equal(true);
          expect(same.check(decoded, "ipv6"), `${address} → ${decoded}`).to.equal(true);
          expect(decoded).to.equal(decoded.toLowerCase());
          expect(decoded.split("::").length).to.be.at.most(2);
        }),
      );
    });
  }

  it("decodes any 16 bytes to an address that reads back as those bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (raw) => {
        const bytes = [...raw];
        expect(ipv6Bytes(decodeProcNetAddress(encode(bytes, "LE"), "LE"))).to.deep.equal(bytes);
      }),
    );
  });
});

describe("parseProcNet", () => {
  it("reads a TCP table: addresses, ports, states, inodes and lines", () => {
    const text = [
      TCP_HEADER,
      line(0, "00000000:0016", "00000000:0000", "0A", 1234),
      line(1, "0100007F:0277", "00000000:0000", "0A", 2345),
      line(2, "0F02000A:0016", "0202000A:D431", "01", 3456),
      "",
    ].join("\n");
    const sockets = parseProcNet(text, "/proc/net/tcp", "tcp", "LE");
    expect(
      sockets.map((s) => [describeLocalEnd(s), s.state, s.inode, s.line, s.loopback]),
    ).to.deep.equal([
      ["tcp 0.0.0.0:22", 10, 1234, 2, false],
      ["tcp 127.0.0.1:631", 10, 2345, 3, true],
      ["tcp 10.0.2.15:22", 1, 3456, 4, false],
    ]);
    expect(sockets[2]).to.include({
      remoteAddress: "10.0.2.2",
      remotePort: 54321,
      unconnected: false,
    });
    expect(sockets.map(isListening)).to.deep.equal([true, true, false]);
  });

  it("counts a bound, unconnected UDP socket as listening and a connected one not", () => {
    const text = [
      UDP_HEADER,
      line(10, "00000000:0044", "00000000:0000", "07", 11),
      line(11, "0F02000A:9C40", "08080808:0035", "01", 12),
      line(12, "0F02000A:9C41", "00000000:0000", "01", 13),
    ].join("\n");
    const sockets = parseProcNet(text, "/proc/net/udp", "udp", "LE");
    expect(sockets.map(isListening)).to.deep.equal([true, false, false]);
    expect(describeLocalEnd(sockets[0] as (typeof sockets)[0])).to.equal("udp 0.0.0.0:68");
  });

  it("reads IPv6 tables, with loopback and IPv4-mapped addresses", () => {
    const text = [
      TCP6_HEADER,
      line(
        0,
        "00000000000000000000000000000000:0016",
        "00000000000000000000000000000000:0000",
        "0A",
        7,
      ),
      line(
        1,
        "00000000000000000000000001000000:0277",
        "00000000000000000000000000000000:0000",
        "0A",
        8,
      ),
      line(
        2,
        "0000000000000000FFFF00000100007F:1F90",
        "00000000000000000000000000000000:0000",
        "0A",
        9,
      ),
    ].join("\n");
    const sockets = parseProcNet(text, "/proc/net/tcp6", "tcp6", "LE");
    expect(sockets.map((s) => [describeLocalEnd(s), s.loopback])).to.deep.equal([
      ["tcp6 [::]:22", false],
      ["tcp6 [::1]:631", true],
      ["tcp6 [::ffff:127.0.0.1]:8080", true],
    ]);
  });

  it("accepts a table with no sockets, with or without the final newline", () => {
    expect(parseProcNet(`${TCP_HEADER}\n`, "/proc/net/tcp", "tcp")).to.deep.equal([]);
    expect(parseProcNet(TCP_HEADER, "/proc/net/tcp", "tcp")).to.deep.equal([]);
  });

  const bad: readonly [string, string, ProcNetProtocol, RegExp][] = [
    ["empty file", "", "tcp", /\/proc\/net\/tcp line 1: "\(empty file\)" is not the header/],
    [
      "no header",
      line(0, "00000000:0016", "00000000:0000", "0A", 1),
      "tcp",
      /line 1: .* is not the header/,
    ],
    [
      "line cut short",
      `${TCP_HEADER}\n${line(0, "00000000:0016", "00000000:0000", "0A", 1)}\n   1: 00000000:0017 0000`,
      "tcp",
      /\/proc\/net\/tcp line 3: " {3}1: 00000000:0017 0000" is not a tcp socket line/,
    ],
    [
      "IPv4 address in an IPv6 table",
      `${TCP6_HEADER}\n${line(0, "00000000:0016", "00000000:0000", "0A", 1)}`,
      "tcp6",
      /\/proc\/net\/tcp6 line 2: .* is not a tcp6 socket line/,
    ],
    [
      "state not hex",
      `${TCP_HEADER}\n${line(0, "00000000:0016", "00000000:0000", "LI", 1)}`,
      "tcp",
      /line 2/,
    ],
    [
      "inode not a number",
      `${TCP_HEADER}\n${line(0, "00000000:0016", "00000000:0000", "0A", 1).replace(" 1 1 ", " x 1 ")}`,
      "tcp",
      /line 2/,
    ],
    [
      "port too short",
      `${TCP_HEADER}\n${line(0, "00000000:016", "00000000:0000", "0A", 1)}`,
      "tcp",
      /line 2/,
    ],
    [
      "blank line inside",
      `${TCP_HEADER}\n\n${line(0, "00000000:0016", "00000000:0000", "0A", 1)}`,
      "tcp",
      /line 2: ""/,
    ],
  ];
  for (const [what, text, protocol, message] of bad)
    it(`throws naming the file and line on a malformed table: ${what}`, () => {
      expect(() => parseProcNet(text, `/proc/net/${protocol}`, protocol, "LE")).to.throw(message);
    });

  it("reads this machine's tables", function () {
    if (!existsSync("/proc/net/tcp")) this.skip();
    for (const protocol of ["tcp", "tcp6", "udp", "udp6"] as const) {
      const file = `/proc/net/${protocol}`;
      if (!existsSync(file)) continue;
      const text = readFileSync(file, "utf8");
      const sockets = parseProcNet(text, file, protocol);
      expect(sockets).to.have.length(text.trimEnd().split("\n").length - 1);
      for (const s of sockets) {
        expect(s.protocol).to.equal(protocol);
        expect(s.localPort).to.be.within(0, 65535);
        expect(s.remotePort).to.be.within(0, 65535);
        expect(s.state).to.be.within(1, 12);
        expect(s.line).to.be.at.least(2);
        expect(Number.isSafeInteger(s.inode)).to.equal(true);
        if (protocol.endsWith("6")) expect(isIPv6(s.localAddress), s.localAddress).to.equal(true);
        else expect(s.localAddress).to.match(/^\d{1,3}(\.\d{1,3}){3}$/);
      }
    }
  });
});
