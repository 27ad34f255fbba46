import { existsSync } from "node:fs";
import path from "node:path";

/** The first `dir/name` that exists, from `start` up to the filesystem root. @public */
export function findUp(start: string, name: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
