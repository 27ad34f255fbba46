/**
 * The card and connector type of a DRM connector's sysfs name, `card<N>-<type>-<index>`
 * (drivers/gpu/drm/drm_sysfs.c names it `card%d-%s` after the connector, `<type>-<index>`):
 * `card0-HDMI-A-1` → `card0`, `HDMI-A`. Types are the kernel's names (drm_connector.c
 * `drm_connector_enum_list`: `VGA`, `DVI-I`, `DVI-D`, `LVDS`, `DP`, `HDMI-A`, `eDP`, `TV`,
 * `Virtual`…), kept as written. `null` for the other entries of /sys/class/drm (`card0`,
 * `renderD128`, `version`).
 *
 * @public
 */
export function parseConnectorName(name: string): { card: string; kind: string } | null {
  const first = name.indexOf("-");
  const last = name.lastIndexOf("-");
  if (first === -1 || last <= first + 1) return null;
  const card = name.slice(0, first);
  const index = name.slice(last + 1);
  if (!/^card\d{1,4}$/.test(card) || !/^\d{1,4}$/.test(index)) return null;
  return { card, kind: name.slice(first + 1, last) };
}
