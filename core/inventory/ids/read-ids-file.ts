import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { IdsIndex } from "./ids-index.js";

/**
 * Where distributions install the ID databases: Debian and Ubuntu `/usr/share/misc` (usb.ids a
 * link into `/var/lib/usbutils`), Fedora, Arch and SUSE `/usr/share/hwdata` (hwdata package);
 * some ship them gzip-compressed.
 */
const DIRECTORIES = ["/usr/share/misc", "/usr/share/hwdata", "/var/lib/usbutils", "/usr/share"];

/** Indexes already read in this process, by the path asked for (`""` = the default search). */
const cache = new Map<string, IdsIndex | null>();

/**
 * The index of an ID database, read once per process and kept: `file` when given, else the first
 * of `<dir>/<name>` and `<dir>/<name>.gz` that exists in the usual folders. `null` when there is
 * none (names then stay unknown; the IDs are the evidence).
 *
 * @public
 */
export function readIdsFile(name: string, file?: string): IdsIndex | null {
  const key = file ?? `default:${name}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const candidates =
    file !== undefined
      ? [file]
      : DIRECTORIES.flatMap((dir) => [`${dir}/${name}`, `${dir}/${name}.gz`]);
  let index: IdsIndex | null = null;
  for (const candidate of candidates) {
    const text = readText(candidate);
    if (text !== null) {
      index = new IdsIndex(text);
      break;
    }
  }
  cache.set(key, index);
  return index;
}

function readText(file: string): string | null {
  try {
    const bytes = readFileSync(file);
    const plain = file.endsWith(".gz") ? gunzipSync(bytes) : bytes;
    return plain.toString("utf8");
  } catch {
    // Absent, unreadable or not gzip: this candidate holds no database.
    return null;
  }
}
