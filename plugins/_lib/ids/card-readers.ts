/** What a memory-card host function takes. */
export type CardMedia = "sd" | "mmc" | "ms" | "xd" | "multi";

/** A memory-card host controller known by id, whatever PCI class it enumerates as. */
export interface CardReaderId {
  readonly media: CardMedia;
  /** What it is and where that is documented. */
  readonly note: string;
}

/**
 * PCI functions that are memory-card hosts, by `vendor:device`. Class 0805 (SD host) is a card
 * reader whatever its id (drivers/mmc/host/sdhci-pci-core.c matches the class); this table is for
 * the ones that enumerate otherwise or carry no driver: Ricoh e822 appears as 0805 on one board and
 * 0880 prog-if 01 on another, memory-stick and xD functions bind no driver, Realtek's rtsx_pci
 * function is class ff00. FireWire and CardBus functions of the same chips are not readers.
 */
export const PCI_CARD_READERS: Readonly<Record<string, CardReaderId>> = {
  "1180:0822": { media: "multi", note: "Ricoh R5C822 SD/SDIO/MMC/MS/MSPro (pci.ids; sdhci-pci)" },
  "1180:0843": { media: "mmc", note: "Ricoh R5C843 MMC (pci.ids; sdhci-pci)" },
  "1180:e822": {
    media: "sd",
    note: "Ricoh R5U822 MMC/SD, class 0805 or 0880 prog-if 01 (sdhci-pci-core.c PCI_DEVICE_ID_RICOH_R5CE822)",
  },
  "1180:e823": {
    media: "sd",
    note: "Ricoh R5U823 SDXC (sdhci-pci-core.c PCI_DEVICE_ID_RICOH_R5CE823)",
  },
  "1180:0592": { media: "ms", note: "Ricoh R5C592 Memory Stick (drivers/memstick/host/r592.c)" },
  "1180:e230": { media: "ms", note: "Ricoh R5U2xx Memory Stick, no Linux driver (pci.ids)" },
  "1180:0852": { media: "xd", note: "Ricoh xD-Picture Card controller, no Linux driver (pci.ids)" },
  "104c:8033": { media: "multi", note: "TI PCIxx21 flash media (drivers/misc/tifm_7xx1.c)" },
  "104c:803b": { media: "multi", note: "TI PCIxx12 flash media (tifm_7xx1.c)" },
  "104c:ac8f": { media: "multi", note: "TI PCI7420/7620 flash media (tifm_7xx1.c)" },
  "104c:8034": { media: "sd", note: "TI PCI(x)x21/x515 SD host (pci.ids)" },
  "104c:803c": { media: "sd", note: "TI PCIxx12 SD/MMC (pci.ids)" },
  "197b:2381": { media: "sd", note: "JMicron JMB38X SD (include/linux/pci_ids.h)" },
  "197b:2382": { media: "mmc", note: "JMicron JMB38X MMC (pci_ids.h)" },
  "197b:2383": {
    media: "ms",
    note: "JMicron JMB38X Memory Stick (drivers/memstick/host/jmb38x_ms.c)",
  },
  "197b:2384": { media: "xd", note: "JMicron JMB38X xD (pci_ids.h)" },
  "197b:2388": { media: "ms", note: "JMicron JMB385 Memory Stick (jmb38x_ms.c)" },
  "197b:2391": { media: "sd", note: "JMicron JMB388 SD (pci_ids.h)" },
  "197b:2392": {
    media: "mmc",
    note: "JMicron JMB388 eSD/MMC (pci_ids.h PCI_DEVICE_ID_JMICRON_JMB388_ESD)",
  },
  "1217:8120": { media: "sd", note: "O2 Micro SD/MMC (pci_ids.h PCI_DEVICE_ID_O2_8120)" },
  "1217:8220": { media: "sd", note: "O2 Micro SD/MMC (pci_ids.h PCI_DEVICE_ID_O2_8220)" },
  "1217:8221": { media: "sd", note: "O2 Micro SD/MMC (pci_ids.h PCI_DEVICE_ID_O2_8221)" },
  "1217:8320": { media: "sd", note: "O2 Micro SD/MMC (pci_ids.h PCI_DEVICE_ID_O2_8320)" },
  "1217:8321": { media: "sd", note: "O2 Micro OZ600 SD/MMC (pci_ids.h PCI_DEVICE_ID_O2_8321)" },
  "1217:8331": {
    media: "multi",
    note: "O2 Micro OZ600 flash memory card (MS/xD) function, class 0180, no driver (pci.ids)",
  },
  "1524:0510": { media: "multi", note: "ENE CB710 SD/MMC/MS (drivers/misc/cb710)" },
  "10ec:5209": {
    media: "multi",
    note: "Realtek RTS5209, class ff00 (+0805 fn1) (drivers/misc/cardreader/rtsx_pcr.c)",
  },
  "10ec:5227": { media: "multi", note: "Realtek RTS5227 (rtsx_pcr.c)" },
  "10ec:5228": { media: "multi", note: "Realtek RTS5228 (rtsx_pcr.c)" },
  "10ec:5229": { media: "multi", note: "Realtek RTS5229 (rtsx_pcr.c)" },
  "10ec:522a": { media: "multi", note: "Realtek RTS522A (rtsx_pcr.c)" },
  "10ec:5249": { media: "multi", note: "Realtek RTS5249 (rtsx_pcr.c)" },
  "10ec:524a": { media: "multi", note: "Realtek RTS524A (rtsx_pcr.c)" },
  "10ec:525a": { media: "multi", note: "Realtek RTS525A (rtsx_pcr.c)" },
  "10ec:5260": { media: "multi", note: "Realtek RTS5260 (rtsx_pcr.c)" },
  "10ec:5261": { media: "multi", note: "Realtek RTS5261 (rtsx_pcr.c)" },
  "10ec:5286": { media: "multi", note: "Realtek RTL8402 (rtsx_pcr.c)" },
  "10ec:5287": { media: "multi", note: "Realtek RTL8411B (rtsx_pcr.c)" },
  "10ec:5289": { media: "multi", note: "Realtek RTL8411 (rtsx_pcr.c)" },
  "14e4:16bc": { media: "sd", note: "Broadcom BCM57765/57785 SD (pci.ids; sdhci-pci)" },
  "14e4:16be": { media: "ms", note: "Broadcom BCM57765/57785 Memory Stick, no driver (pci.ids)" },
  "14e4:16bf": { media: "xd", note: "Broadcom BCM57765/57785 xD, no driver (pci.ids)" },
};

/**
 * USB card readers by `vendor:product`: Realtek's rtsx_usb ids (drivers/misc/cardreader/
 * rtsx_usb.c) and the realtek_cr mass-storage ids (drivers/usb/storage/unusual_realtek.h).
 */
export const USB_CARD_READERS: Readonly<Record<string, CardReaderId>> = {
  "0bda:0129": { media: "multi", note: "Realtek RTS5129 (rtsx_usb.c)" },
  "0bda:0139": { media: "multi", note: "Realtek RTS5139 (rtsx_usb.c)" },
  "0bda:0140": { media: "multi", note: "Realtek RTS5140 (rtsx_usb.c)" },
  "0bda:0138": { media: "multi", note: "Realtek RTS5138 (unusual_realtek.h)" },
  "0bda:0153": { media: "multi", note: "Realtek 3-in-1 reader (unusual_realtek.h)" },
  "0bda:0158": { media: "multi", note: "Realtek multicard reader (unusual_realtek.h)" },
  "0bda:0159": { media: "multi", note: "Realtek RTS5159 (unusual_realtek.h)" },
  "0bda:0177": { media: "multi", note: "Realtek reader (unusual_realtek.h)" },
};

/**
 * A USB mass-storage device (interface class 08) whose usb.ids name says it reads memory
 * cards. Smart-card readers (interface class 0b, "Smart Card Reader") are not memory-card hosts.
 */
export const USB_CARD_READER_NAME =
  /card ?reader|multi-?card|\bCRW\b|SD\/MMC|memory ?stick|\bxD\b/i;
/** Names that say smart card, fingerprint or RFID rather than memory card. */
export const NOT_A_MEMORY_CARD_READER = /smart ?card|fingerprint|rfid|magstripe|magnetic/i;

/**
 * The entries of {@link PCI_CARD_READERS} a platform's laptops carry: platform plugins name their
 * readers by id instead of restating (and drifting from) the shared table.
 *
 * @throws Error at load time when an id is not in the shared table: a plugin bug, caught by tests.
 */
export function cardReadersById(ids: readonly string[]): Readonly<Record<string, CardReaderId>> {
  return Object.fromEntries(
    ids.map((id) => {
      const entry = PCI_CARD_READERS[id];
      if (entry === undefined) throw new Error(`card reader ${id} is not in PCI_CARD_READERS`);
      return [id, entry];
    }),
  );
}
