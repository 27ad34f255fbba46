/**
 * The report's stylesheet, inlined into the page: system fonts only, colours that keep a
 * contrast of at least 4.5:1 for text, and a print stylesheet that expands every piece of
 * evidence, drops the filter box and keeps tables, charts and the verdict off page breaks.
 *
 * @public
 */
export const STYLES = `
:root{color-scheme:light;--fg:#1f2328;--muted:#57606a;--border:#d0d7de;--subtle:#f6f8fa;--link:#0550ae;
--pass:#116329;--pass-bg:#dafbe1;--fail:#a40e26;--fail-bg:#ffebe9;--error:#7d4e00;--error-bg:#fff8c5;
--blocked:#6639ba;--blocked-bg:#fbefff;--skip:#424a53;--skip-bg:#eaeef2;--pending:#0550ae;--pending-bg:#ddf4ff;
--waived:#953800;--waived-bg:#fff1e5}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:1200px;padding:24px 28px 48px;color:var(--fg);background:#fff;
font:15px/1.5 system-ui,-apple-system,"Segoe UI","DejaVu Sans","Liberation Sans",sans-serif}
code,.digest{font-family:ui-monospace,"SFMono-Regular","DejaVu Sans Mono","Liberation Mono",monospace;font-size:.87em}
a{color:var(--link)}
h1,h2,h3{line-height:1.25;margin:0}
h2{font-size:1.3rem;margin:36px 0 10px;padding-bottom:6px;border-bottom:1px solid var(--border)}
h3{font-size:1.02rem;margin:20px 0 8px}
h3.minor{font-size:.78rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:14px 0 6px}
.total{font-size:.85rem;font-weight:normal;color:var(--muted);margin-left:8px}
.lead{color:var(--muted);margin:0 0 12px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip-link{position:absolute;left:-9999px}.skip-link:focus{left:12px;top:12px;background:#fff;padding:6px 10px;z-index:2}
.banner{border:1px solid var(--border);border-left:12px solid var(--muted);border-radius:8px;margin:0 0 16px;overflow:hidden}
.banner-verdict{padding:20px 24px}
.banner-identity{background:#fff;border-top:1px solid var(--border);padding:14px 24px 16px}
h2.identity-h{font-size:.8rem;text-transform:uppercase;letter-spacing:.08em;color:var(--muted);border:0;margin:0 0 8px;padding:0}
.banner-head{display:flex;gap:20px;align-items:flex-start}
.banner-icon{font-size:2.6rem;line-height:1;width:3.6rem;height:3.6rem;border-radius:50%;display:flex;align-items:center;justify-content:center;color:#fff;flex:none;margin-top:4px}
.eyebrow{margin:0;font-size:.8rem;text-transform:uppercase;letter-spacing:.08em;color:var(--muted)}
.banner h1{font-size:2.1rem;letter-spacing:.02em;margin:2px 0 4px}
.machine{font-size:1.25rem;font-weight:600;margin:0}
.machine-version{font-weight:normal;color:var(--muted);font-size:1rem;margin-left:6px}
.against{margin:2px 0 0;color:var(--muted)}
.reasons{margin:14px 0 0;padding-left:22px}.reasons li{margin:3px 0}
.reasons-none{margin:14px 0 0}
.overall-certified{border-left-color:#1a7f37}.overall-certified .banner-verdict{background:var(--pass-bg)}.overall-certified .banner-icon{background:#1a7f37}.overall-certified h1{color:var(--pass)}
.overall-certified-with-restrictions{border-left-color:#9a6700}.overall-certified-with-restrictions .banner-verdict{background:var(--error-bg)}.overall-certified-with-restrictions .banner-icon{background:#9a6700}.overall-certified-with-restrictions h1{color:var(--error)}
.overall-not-certified{border-left-color:#cf222e}.overall-not-certified .banner-verdict{background:var(--fail-bg)}.overall-not-certified .banner-icon{background:#cf222e}.overall-not-certified h1{color:var(--fail)}
.overall-incomplete{border-left-color:#0969da}.overall-incomplete .banner-verdict{background:var(--pending-bg)}.overall-incomplete .banner-icon{background:#0969da}.overall-incomplete h1{color:var(--pending)}
.identity-grid{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1.4fr);gap:0 28px}
dl.grid{margin:0;display:grid;grid-template-columns:max-content minmax(0,1fr);gap:4px 14px;align-content:start}
dl.grid .item{display:contents}
dt{color:var(--muted);font-weight:600;font-size:.88rem;padding-top:1px}
dd{margin:0;overflow-wrap:anywhere}
.digest{word-break:break-all;color:var(--muted)}
.count-list{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(7,minmax(0,1fr));gap:10px}
.count{border:1px solid var(--border);border-radius:8px;padding:10px 12px;display:flex;flex-direction:column;gap:6px;align-items:flex-start}
.count .n{font-size:1.7rem;font-weight:700;line-height:1}
.count.zero{color:var(--muted);background:var(--subtle)}
.count-fail:not(.zero){border-color:#cf222e}.count-error:not(.zero){border-color:#9a6700}.count-blocked:not(.zero){border-color:#8250df}.count-pending:not(.zero){border-color:#0969da}
.badge{display:inline-flex;align-items:center;gap:4px;border-radius:999px;padding:1px 9px;font-size:.8rem;font-weight:600;white-space:nowrap;border:1px solid transparent;line-height:1.5}
.badge .icon{font-weight:700}
.verdict-pass,.status-supported{color:var(--pass);background:var(--pass-bg);border-color:#aceebb}
.verdict-fail,.status-not-supported{color:var(--fail);background:var(--fail-bg);border-color:#ffcecb}
.verdict-error{color:var(--error);background:var(--error-bg);border-color:#f5e0a0}
.verdict-blocked{color:var(--blocked);background:var(--blocked-bg);border-color:#ecd8ff}
.verdict-skip,.verdict-interrupted{color:var(--skip);background:var(--skip-bg);border-color:#d0d7de}
.verdict-pending,.status-untested{color:var(--pending);background:var(--pending-bg);border-color:#b6e3ff}
.verdict-waived{color:var(--waived);background:var(--waived-bg);border-color:#ffd8b5}
.tag{font-size:.75rem;font-weight:600;border-radius:4px;padding:0 6px;border:1px dashed currentColor}
.tag-marginal{color:var(--error);background:var(--error-bg)}
.unknown{color:var(--blocked);background:var(--blocked-bg);border:1px dashed #8250df;border-radius:4px;padding:0 6px;font-style:italic;font-size:.88em}
.unknown::before{content:"? ";font-style:normal;font-weight:700}
.none{color:var(--muted);font-style:italic}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{text-align:left;vertical-align:top;padding:7px 10px;border-bottom:1px solid var(--border)}
thead th{background:var(--subtle);font-size:.82rem;color:var(--muted);border-bottom:2px solid var(--border);white-space:nowrap}
tbody th{font-weight:600}
.num{text-align:right;font-variant-numeric:tabular-nums}
.matrix td.num,.matrix thead th.num{width:1%;white-space:nowrap;padding-left:8px;padding-right:10px}
.matrix thead .badge{font-size:.72rem;padding:0 6px}
.matrix tbody th{min-width:12rem}
.matrix thead th.num{text-align:center}
.matrix td.zero{color:#6e7781}
.matrix td.hit{font-weight:700}
.matrix td.hit-fail{color:var(--fail);background:var(--fail-bg)}
.matrix td.hit-error{color:var(--error);background:var(--error-bg)}
.matrix td.hit-blocked{color:var(--blocked);background:var(--blocked-bg)}
.matrix td.hit-pending{color:var(--pending);background:var(--pending-bg)}
.matrix td.hit-waived{color:var(--waived);background:var(--waived-bg)}
.feature-title{display:block}
.matrix th code{color:var(--muted);font-weight:normal}
ul.why{margin:4px 0 0;padding-left:18px;font-size:.82rem;color:var(--muted)}
.status{min-width:16rem}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:6px 22px;padding:0;margin:0 0 12px;font-size:.88rem;color:var(--muted)}
.legend li{display:flex;align-items:center;gap:6px}
.chart-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(440px,1fr));gap:14px}
.chart-figure{margin:0;border:1px solid var(--border);border-radius:8px;padding:10px 12px 6px;break-inside:avoid}
.chart-figure figcaption{font-size:.9rem;margin-bottom:4px;display:flex;flex-wrap:wrap;gap:6px;align-items:center}
.chart-figure figcaption a{text-decoration:none}
svg.chart{display:block;width:100%;height:auto;max-width:640px}
svg.chart .zone-word{fill:#24292f;font-weight:700;letter-spacing:.06em}
svg.chart .limit{stroke:#57606a;stroke-width:1;stroke-dasharray:3 2}
svg.chart .limit-label{fill:#424a53}
svg.chart .value-label{fill:#1f2328}
.filter{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center;margin:0 0 10px;padding:8px 10px;background:var(--subtle);border:1px solid var(--border);border-radius:8px;font-size:.9rem}
.filter[hidden]{display:none}
.filter input[type=search]{min-width:18rem;padding:5px 8px;border:1px solid var(--border);border-radius:6px;font:inherit}
.filter select,.filter button{font:inherit;padding:4px 8px;border:1px solid var(--border);border-radius:6px;background:#fff}
.filter button{cursor:pointer}
.filter .shown{color:var(--muted)}
table.requirements>thead th{position:sticky;top:0;z-index:1}
tbody.req{border-top:2px solid var(--border)}
tbody.req tr.main td,tbody.req tr.main th{border-bottom:none}
tbody.req-fail tr{background:#fff8f7}
.req-id{font-weight:600;color:var(--fg);font-size:.9em}
.req-title{font-weight:normal;color:var(--muted);font-size:.85rem}
.sev-must{font-weight:600}.sev-may{color:var(--muted)}
td.verdict{white-space:nowrap}
td.verdict{min-width:11rem}.raw,.waiver{white-space:normal;font-size:.82rem;color:var(--muted);margin-top:4px;max-width:18rem}
.waiver{border-left:3px solid #ffd8b5;padding-left:8px}
.waiver-meta{font-size:.78rem}
td.reason{overflow-wrap:anywhere;min-width:18rem}table.requirements tbody th{min-width:13rem}
ul.measurements{margin:6px 0 0;padding-left:18px}
.m-name{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85em;color:var(--muted)}
.m-limits{color:var(--muted)}
.chart-link{font-size:.8rem}
tr.evidence-row td{padding-top:0;padding-bottom:10px}
details>summary{cursor:pointer;color:var(--link);font-size:.85rem;font-weight:600;width:max-content}
.summary-meta{color:var(--muted);font-weight:normal;margin-left:6px}
.evidence-body{margin:6px 0 4px;padding:4px 14px 10px;border-left:3px solid var(--border);background:#fbfcfd}
.evidence-body table{font-size:.85rem;background:#fff}
.evidence-body p{margin:8px 0}
.why-required{color:var(--muted)}
ul.evidence-list,ul.values,ul.notes,ul.resumes{margin:0;padding-left:18px}
li.evidence{margin:2px 0}
code.where{color:var(--link)}
code.read{display:block;white-space:pre-wrap;overflow-wrap:anywhere;background:var(--subtle);border-radius:4px;padding:2px 6px;margin:2px 0}
.note{color:var(--muted);font-size:.85rem}
.timing{color:var(--muted);font-size:.8rem}
.fields{color:var(--muted);font-size:.85rem}
.fields code{margin-right:10px}.field{margin-right:10px}.key{font-weight:600}
table.capabilities{table-layout:fixed}table.capabilities th:first-child{width:17rem}
tr.row-unknown th code{color:var(--blocked)}
.devices td:nth-child(n+3){white-space:nowrap}.device-id{font-weight:normal}.device-id code{color:var(--muted)}
dl.env{margin-bottom:8px}
footer{margin-top:40px;padding-top:12px;border-top:1px solid var(--border);color:var(--muted);font-size:.82rem}
nav.toc{margin:0 0 8px;font-size:.9rem}
nav.toc ul{list-style:none;display:flex;flex-wrap:wrap;gap:4px 18px;padding:0;margin:0}
@media screen and (max-width:800px){.identity-grid{grid-template-columns:1fr}.count-list{grid-template-columns:repeat(4,minmax(0,1fr))}.chart-grid{grid-template-columns:1fr}}
@media print{
@page{margin:14mm 12mm}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{max-width:none;padding:0;font-size:10pt}
.filter,.skip-link,nav.toc,.chart-link{display:none!important}
tbody.req[hidden]{display:table-row-group}
details::details-content{content-visibility:visible;display:block}
details>summary{list-style:none;color:var(--fg)}
details>summary::-webkit-details-marker{display:none}
table.requirements>thead th{position:static}
thead{display:table-header-group}
.banner,.count-list,.chart-figure,tr,dl.grid,figure{break-inside:avoid}
h2,h3{break-after:avoid}
#requirements,#capabilities{break-before:page}
.chart-grid{grid-template-columns:1fr}
a{color:inherit;text-decoration:none}
.table-wrap{overflow:visible}
.banner-verdict{padding:14px 18px}.banner-identity{padding:10px 18px}.banner h1{font-size:1.7rem}.banner-icon{width:3rem;height:3rem;font-size:2rem}
h2{margin-top:22px}
table{font-size:8.5pt}th,td{padding:4px 5px;overflow-wrap:break-word}
.badge{font-size:7.5pt;padding:0 5px}
.status,td.reason,table.requirements tbody th{min-width:0}
td.verdict{white-space:normal}
.matrix td.num,.matrix thead th.num{width:auto;padding:4px 5px}.matrix thead .badge{font-size:6.5pt;padding:0 3px;gap:2px}.matrix th[scope=row]{min-width:7.5rem}.matrix .status{min-width:0}ul.why{padding-left:12px;font-size:7pt}
.count{padding:6px 8px}.count .n{font-size:1.3rem}
.evidence-body{padding:2px 8px 6px;background:none}
code.read{white-space:pre-wrap}
}
`;
