import { gzipSync } from "node:zlib";

/** One member of a hand-built tar archive. */
export interface TarMember {
  readonly name: string;
  /** `0` file, `1` hard link, `2` symbolic link, `3` character device, `5` folder. */
  readonly type?: "0" | "1" | "2" | "3" | "5";
  readonly data?: string;
  readonly link?: string;
  /** Size to claim in the header, when it must differ from the data (a lying header). */
  readonly size?: number;
}

/**
 * Writes a ustar archive byte by byte (POSIX.1-1988 header layout), so that tests can build the
 * malicious archives a well-behaved tar writer refuses to produce: absolute names, `..`, links
 * out of the tree, device files.
 */
export function tarBytes(members: readonly TarMember[], options: { gzip?: boolean } = {}): Buffer {
  const blocks: Buffer[] = [];
  for (const member of members) {
    const data = Buffer.from(member.data ?? "", "utf8");
    const header = Buffer.alloc(512);
    header.write(member.name, 0, 100, "utf8");
    header.write("0000644\0", 100);
    header.write("0000000\0", 108);
    header.write("0000000\0", 116);
    header.write(`${(member.size ?? data.length).toString(8).padStart(11, "0")}\0`, 124);
    header.write("00000000000\0", 136);
    header.write("        ", 148);
    header.write(member.type ?? "0", 156);
    header.write(member.link ?? "", 157, 100, "utf8");
    header.write("ustar\0", 257);
    header.write("00", 263);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148);
    blocks.push(header);
    if (data.length > 0) blocks.push(data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  const tar = Buffer.concat(blocks);
  return options.gzip === false ? tar : gzipSync(tar);
}
