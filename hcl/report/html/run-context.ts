import type { Report } from "../build-report.js";
import type { Waiver } from "../../../core/suite/waivers.js";
import { html, type SafeHtml } from "./escape-html.js";
import { textOrUnknown } from "./format.js";

const ids = (vendor: string | null, device: string | null): SafeHtml =>
  vendor === null && device === null
    ? html`<span class="none">—</span>`
    : html`<code>${vendor ?? "?"}:${device ?? "?"}</code>`;

/**
 * The devices the platform plugins' drivers found: class, name, PCI/USB ids, bound kernel
 * driver, and the plugin and driver that found it.
 *
 * @public
 */
export function devicesSection(report: Report): SafeHtml {
  return html`<section id="devices" aria-labelledby="devices-h">
    <h2 id="devices-h">Devices <span class="total">${report.devices.length}</span></h2>
    <div class="table-wrap">
      <table class="devices">
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col">Device</th>
            <th scope="col">IDs</th>
            <th scope="col">Kernel driver</th>
            <th scope="col">Found by</th>
          </tr>
        </thead>
        <tbody>
          ${report.devices.map(
            (d) =>
              html`<tr>
                <td>${d.class}</td>
                <th scope="row">
                  ${textOrUnknown(d.name)}
                  <div class="device-id"><code>${d.id}</code></div>
                </th>
                <td>${ids(d.vendorId, d.deviceId)}</td>
                <td>
                  ${d.driverBound === null ? html`<span class="none">none known</span>` : html`<code>${d.driverBound}</code>`}
                </td>
                <td><code>${d.plugin}</code> / <code>${d.driver}</code></td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}

function scope(w: Waiver): string {
  const p = w.platform ?? {};
  const platform = (["plugin", "vendor", "product", "version"] as const)
    .filter((k) => p[k] !== undefined)
    .map((k) => `${k} ${p[k]}`);
  return [w.suite === undefined ? "any suite" : `suite ${w.suite}`, ...platform].join(", ");
}

function waiversTable(report: Report): SafeHtml {
  if (report.waivers.length === 0) return html`<p>No waivers were given.</p>`;
  const applied = (id: string) =>
    report.requirements.filter((r) => r.waiver?.id === id).map((r) => r.requirement);
  return html`<div class="table-wrap">
    <table class="waivers">
      <thead>
        <tr>
          <th scope="col">Waiver</th>
          <th scope="col">Requirements</th>
          <th scope="col">Scope</th>
          <th scope="col">Reason</th>
          <th scope="col">Issuer</th>
          <th scope="col">Expires</th>
          <th scope="col">Ticket</th>
          <th scope="col">Applied to</th>
        </tr>
      </thead>
      <tbody>
        ${report.waivers.map(
          (w) =>
            html`<tr>
              <th scope="row"><code>${w.id}</code></th>
              <td>${w.requirements.map((r) => html`<code>${r}</code> `)}</td>
              <td>${scope(w)}</td>
              <td>${w.reason}</td>
              <td>${w.issuer}</td>
              <td>${w.expires}</td>
              <td>${w.ticket}</td>
              <td>
                ${applied(w.id).length === 0 ? html`<span class="none">nothing</span>` : applied(w.id).map((r) => html`<code>${r}</code> `)}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function resumes(report: Report): SafeHtml {
  const forced = report.session.forcedResumes;
  if (forced.length === 0)
    return html`<p>None: the session ran with the definitions it started with.</p>`;
  return html`<ul class="resumes">
    ${forced.map((r) => html`<li><strong>${r.at}</strong>: ${r.changes.join("; ")}</li>`)}
  </ul>`;
}

/**
 * How the run was made: environment (hclkit, Node, kernel, host), the plugins loaded with their
 * digests, the waivers given and what they applied to, and resumes forced through changed
 * definitions.
 *
 * @public
 */
export function runContext(report: Report): SafeHtml {
  const env = report.environment;
  return html`<section id="run" aria-labelledby="run-h">
    <h2 id="run-h">Run context</h2>
    <dl class="grid env">
      <div class="item">
        <dt>hclkit</dt>
        <dd>${env.hclkit}</dd>
      </div>
      <div class="item">
        <dt>Node.js</dt>
        <dd>${env.node}</dd>
      </div>
      <div class="item">
        <dt>Kernel</dt>
        <dd>${env.kernel}</dd>
      </div>
      <div class="item">
        <dt>Host</dt>
        <dd>${env.host}</dd>
      </div>
    </dl>
    <h3>Plugins loaded</h3>
    <div class="table-wrap">
      <table class="plugins">
        <thead>
          <tr>
            <th scope="col">Plugin</th>
            <th scope="col">Version</th>
            <th scope="col">Digest</th>
          </tr>
        </thead>
        <tbody>
          ${report.plugins.map(
            (p) =>
              html`<tr>
                <th scope="row"><code>${p.name}</code></th>
                <td>${p.version}</td>
                <td><code class="digest">${p.digest}</code></td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <h3>Waivers given</h3>
    ${waiversTable(report)}
    <h3>Forced resumes</h3>
    ${resumes(report)}
  </section>`;
}
