import Type, { type Static } from "typebox";
import { Nullable, SourceRefSchema } from "../common.js";

/**
 * The preferred mode of a monitor: its first detailed timing descriptor (VESA E-EDID 1.3/1.4,
 * "the first detailed timing is the preferred timing mode").
 *
 * @public
 */
export const EdidTimingSchema = Type.Object(
  {
    widthPx: Type.Integer({ minimum: 0 }),
    heightPx: Type.Integer({ minimum: 0 }),
    pixelClockKHz: Type.Integer({ minimum: 0 }),
    /** Vertical refresh in Hz, to three decimals (`59.985`). */
    refreshHz: Nullable(Type.Number()),
    interlaced: Type.Boolean(),
  },
  { additionalProperties: false },
);
/** @public */
export type EdidTiming = Static<typeof EdidTimingSchema>;

/**
 * What the 128-byte EDID base block of a monitor says (VESA E-EDID, Release A Rev. 2): who made
 * it, what it is, how big, its preferred mode. The serial number is left out.
 *
 * @public
 */
export const EdidInfoSchema = Type.Object(
  {
    /** PNP ID of the manufacturer, bytes 8–9 (`LGD`, `AUO`, `LEN`); `null` when not three letters. */
    manufacturer: Nullable(Type.String({ pattern: "^[A-Z]{3}$" })),
    /** Product code, bytes 10–11 little-endian, as 4 hex digits (`0254`). */
    productCode: Type.String({ pattern: "^[0-9a-f]{4}$" }),
    /** Week of manufacture (1–54), `null` when unspecified or when the year is a model year. */
    week: Nullable(Type.Integer()),
    /** Year of manufacture (byte 17 + 1990), or the model year when `modelYear`. */
    year: Nullable(Type.Integer()),
    modelYear: Type.Boolean(),
    /** EDID structure version and revision, `1.3`. */
    version: Type.String(),
    /** Digital input (byte 20 bit 7); analog (VGA) otherwise. */
    digital: Type.Boolean(),
    /** Screen width and height in cm (bytes 21–22); `null` when not given (projector, or 1.4 aspect ratio). */
    widthCm: Nullable(Type.Integer()),
    heightCm: Nullable(Type.Integer()),
    preferredTiming: Nullable(EdidTimingSchema),
    /** Display product name, descriptor tag 0xFC. */
    name: Nullable(Type.String()),
    /** Alphanumeric data strings, descriptor tag 0xFE (panels often give their model there). */
    strings: Type.Array(Type.String()),
    /** Number of extension blocks announced (byte 126). */
    extensions: Type.Integer({ minimum: 0 }),
    /** The 128 bytes sum to 0 modulo 256. */
    checksumValid: Type.Boolean(),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type EdidInfo = Static<typeof EdidInfoSchema>;

/** What `status` of a DRM connector may hold (drivers/gpu/drm/drm_sysfs.c `status_show`). @public */
export const ConnectorStatusSchema = Type.Union([
  Type.Literal("connected"),
  Type.Literal("disconnected"),
  Type.Literal("unknown"),
]);
/** @public */
export type ConnectorStatus = Static<typeof ConnectorStatusSchema>;

/**
 * One DRM connector, `/sys/class/drm/card0-LVDS-1`: a video output of a KMS driver, whether a
 * monitor is on it, and that monitor's EDID.
 *
 * @public
 */
export const ConnectorSchema = Type.Object(
  {
    /** `card0-LVDS-1`. */
    name: Type.String(),
    /** `card0`. */
    card: Type.String(),
    /** Connector type from the name (drm_connector.c): `LVDS`, `VGA`, `DP`, `HDMI-A`, `eDP`, `DVI-D`… */
    kind: Type.String(),
    status: Nullable(ConnectorStatusSchema),
    /** `enabled`: the output is driven (`enabled`/`disabled`). */
    enabled: Nullable(Type.Boolean()),
    /** The monitor's EDID; `null` when the file is empty (nothing connected) or absent. */
    edid: Nullable(EdidInfoSchema),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type Connector = Static<typeof ConnectorSchema>;

/**
 * A monitor of hw-probe's `logs/edid`: its EDID and the connector it was read from, when the log
 * names one (`edid-decode "/sys/class/drm/card0-LVDS-1/edid"`).
 *
 * @public
 */
export const MonitorSchema = Type.Object(
  {
    connector: Nullable(Type.String()),
    kind: Nullable(Type.String()),
    edid: EdidInfoSchema,
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type Monitor = Static<typeof MonitorSchema>;

/**
 * Video outputs and monitors. `connectors` are the DRM connectors of the sysroot (`[]` when
 * `/sys/class/drm` exists without any: no KMS driver drives an output — a driver outside DRM,
 * such as NVIDIA's proprietary one, shows none); `monitors` are the EDIDs of hw-probe's
 * `logs/edid`. Each is `null` when the evidence does not have it.
 *
 * @public
 */
export const DisplaySchema = Type.Object(
  {
    connectors: Nullable(Type.Array(ConnectorSchema)),
    monitors: Nullable(Type.Array(MonitorSchema)),
  },
  { additionalProperties: false },
);
/** @public */
export type Display = Static<typeof DisplaySchema>;
