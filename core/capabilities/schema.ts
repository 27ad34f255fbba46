import Type, { type Static } from "typebox";
import { Nullable } from "../inventory/common.js";

const Bool = Nullable(Type.Boolean());
const Text = Nullable(Type.String());
const Count = Nullable(Type.Integer({ minimum: 0 }));

/** A device as the summary lists it: which function, not its facts. @public */
export const DeviceRefSchema = Type.Object(
  {
    id: Type.String(),
    bus: Type.String(),
    vendorId: Text,
    deviceId: Text,
    driver: Text,
    name: Text,
  },
  { additionalProperties: false },
);
/** @public */
export type DeviceRef = Static<typeof DeviceRefSchema>;

/**
 * The capability summary with exactly the names of DESIGN.md. Any leaf may be `null`: the
 * evidence cannot tell (the devices' facts say why). A list is `null` when unknown and `[]` when
 * the evidence shows there is none.
 *
 * @public
 */
export const CapabilitiesSchema = Type.Object(
  {
    tpm: Type.Object(
      {
        present: Bool,
        version: Nullable(Type.Union([Type.Literal("1.2"), Type.Literal("2.0")])),
        vendor: Text,
        enabled: Bool,
        active: Bool,
        owned: Bool,
      },
      { additionalProperties: false },
    ),
    txt: Type.Object({ capable: Bool, enabled: Bool }, { additionalProperties: false }),
    vpro: Type.Object(
      { amtCapable: Bool, amtEnabled: Bool, meFirmware: Text },
      { additionalProperties: false },
    ),
    esata: Type.Object({ ports: Count }, { additionalProperties: false }),
    cardReaders: Nullable(Type.Array(DeviceRefSchema)),
    wifi: Nullable(Type.Array(DeviceRefSchema)),
    vtx: Type.Object({ capable: Bool, enabled: Bool }, { additionalProperties: false }),
    vtd: Bool,
    aesni: Bool,
    lid: Bool,
    s3: Bool,
    battery: Bool,
    display: Type.Object(
      {
        outputs: Nullable(
          Type.Array(Type.Object({ kind: Text, connected: Bool }, { additionalProperties: false })),
        ),
      },
      { additionalProperties: false },
    ),
    usb: Type.Object(
      {
        controllers: Nullable(
          Type.Array(
            Type.Object(
              {
                kind: Nullable(
                  Type.Union([
                    Type.Literal("uhci"),
                    Type.Literal("ohci"),
                    Type.Literal("ehci"),
                    Type.Literal("xhci"),
                  ]),
                ),
                id: Type.String(),
                vendorId: Text,
                deviceId: Text,
              },
              { additionalProperties: false },
            ),
          ),
        ),
      },
      { additionalProperties: false },
    ),
    memory: Type.Object({ totalMiB: Count }, { additionalProperties: false }),
    cpu: Type.Object(
      { vendor: Text, model: Text, cores: Count, threads: Count },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
/** @public */
export type Capabilities = Static<typeof CapabilitiesSchema>;
