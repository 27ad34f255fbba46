import type { SourceRef } from "../common.js";
import {
  dellStringsOf,
  intelAmtOf,
  intelAsfOf,
  intelVproOf,
  lenovoTpmInfoOf,
} from "./oem-views.js";
import type { Smbios, SmbiosStructure } from "./schema.js";
import {
  batteriesOf,
  identityOf,
  memoryDevicesOf,
  portConnectorsOf,
  processorsOf,
  tpmDevicesOf,
} from "./standard-views.js";

/** What a parser read: the version, the structures, and whether the table was read to its end. */
export interface SmbiosTable {
  readonly version: string | null;
  readonly complete: boolean;
  readonly structures: readonly SmbiosStructure[];
  readonly at: SourceRef;
}

/**
 * The {@link Smbios} section of a table read by either parser: its structures and the views
 * decoded from them. A view that found nothing in a table cut short is `null` (the structure may
 * have been in the part lost), not `[]`.
 *
 * @public
 */
export function buildSmbios(table: SmbiosTable): Smbios {
  const { structures, complete } = table;
  const seen = <T>(list: T[] | null): T[] | null =>
    list === null || (list.length === 0 && !complete) ? null : list;
  const identity = identityOf(structures);
  return {
    version: table.version,
    complete,
    structures: [...structures],
    identity,
    processors: seen(processorsOf(structures)),
    memoryDevices: seen(memoryDevicesOf(structures)),
    portConnectors: seen(portConnectorsOf(structures)),
    batteries: seen(batteriesOf(structures)),
    tpmDevices: seen(tpmDevicesOf(structures)),
    intelAsf: seen(intelAsfOf(structures)),
    intelAmt: seen(intelAmtOf(structures)),
    intelVpro: seen(intelVproOf(structures)),
    lenovoTpmInfo: seen(lenovoTpmInfoOf(structures)),
    dellStrings: seen(dellStringsOf(structures, identity.system?.vendor ?? null)),
    at: table.at,
  };
}
