import type { QueryRow } from "../../hcl/list/query.js";
import { formatTable } from "./table.js";

/** The rows of `hcl query` as a table. */
export function renderQuery(rows: readonly QueryRow[]): string {
  return formatTable([
    ["VENDOR", "MODEL", "NAME", "SUITE", "STATUS", "SUPPORTED"],
    ...rows.map((r) => [
      r.vendor,
      r.model,
      r.name ?? "",
      r.suite,
      r.status,
      r.supported.join(", "),
    ]),
  ]);
}
