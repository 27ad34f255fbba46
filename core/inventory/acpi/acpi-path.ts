/**
 * A namespace path in one spelling whatever wrote it: segments without their trailing `_`
 * padding, as iasl prints them (`\_SB_.PCI0.LPC_` from sysfs → `\_SB.PCI0.LPC`). ACPI names are
 * four characters padded with `_` (ACPI spec §5.3), so `LPC` and `LPC_` are one name.
 *
 * @public
 */
export function normalizeAcpiPath(path: string): string {
  const trimmed = path.trim();
  const absolute = trimmed.startsWith("\\");
  const body = absolute ? trimmed.slice(1) : trimmed;
  const segments = body === "" ? [] : body.split(".").map(normalizeSegment);
  return (absolute ? "\\" : "") + segments.join(".");
}

/**
 * Resolves a name as written in ASL (`\_SB.PCI0`, `^^LPC`, `TPM_`, `PCI0.LPC`) against the
 * absolute path of the scope it appears in (ACPI spec §5.3: `\` is the root, each `^` goes one
 * scope up). A multi-segment or prefixed name is taken literally; a single segment is declared in
 * the current scope, which is where a declaration (`Device (X)`) puts it.
 *
 * @public
 */
export function resolveAcpiPath(scope: string, name: string): string {
  let rest = name.trim();
  if (rest.startsWith("\\")) return normalizeAcpiPath(rest);
  let base = scope.startsWith("\\") ? scope.slice(1) : scope;
  while (rest.startsWith("^")) {
    rest = rest.slice(1);
    const dot = base.lastIndexOf(".");
    base = dot < 0 ? "" : base.slice(0, dot);
  }
  const tail = rest === "" ? [] : rest.split(".").map(normalizeSegment);
  const head = base === "" ? [] : base.split(".");
  return "\\" + [...head, ...tail].join(".");
}

function normalizeSegment(segment: string): string {
  let end = segment.length;
  while (end > 0 && segment.charCodeAt(end - 1) === 0x5f) end--;
  return end === 0 ? "_" : segment.slice(0, end);
}
