/**
 * The page's only script, inlined and allowed by hash: progressive enhancement of a page that
 * is complete without it. It adds a filter box over the requirements (text, verdict) with
 * buttons that expand or collapse every piece of evidence, and opens all evidence while the
 * page is printed (the print stylesheet does the same where `::details-content` is supported).
 *
 * @public
 */
export const ENHANCE_SCRIPT = `(() => {
  const box = document.querySelector("[data-filter]");
  const rows = Array.from(document.querySelectorAll("tbody[data-search]"));
  const details = () => Array.from(document.querySelectorAll("details"));
  if (box && rows.length > 0) {
    const make = (tag, props) => Object.assign(document.createElement(tag), props);
    const text = make("input", { type: "search", placeholder: "Filter: id, feature, reason…" });
    text.setAttribute("aria-label", "Filter requirements");
    const verdict = make("select", {});
    verdict.setAttribute("aria-label", "Verdict");
    const verdicts = Array.from(new Set(rows.map((r) => r.dataset.verdict)));
    for (const v of ["", "problems", ...verdicts])
      verdict.append(make("option", { value: v, textContent: v === "" ? "all verdicts" : v === "problems" ? "not passed" : v }));
    const shown = make("span", { className: "shown" });
    shown.setAttribute("aria-live", "polite");
    const open = make("button", { type: "button", textContent: "Expand all evidence" });
    const close = make("button", { type: "button", textContent: "Collapse all" });
    const apply = () => {
      const q = text.value.trim().toLowerCase();
      let n = 0;
      for (const r of rows) {
        const v = r.dataset.verdict;
        const ok = (verdict.value === "" || v === verdict.value || (verdict.value === "problems" && v !== "pass" && v !== "skip"))
          && (q === "" || r.dataset.search.includes(q));
        r.hidden = !ok;
        if (ok) n++;
      }
      shown.textContent = n + " of " + rows.length + " shown";
    };
    text.addEventListener("input", apply);
    verdict.addEventListener("change", apply);
    open.addEventListener("click", () => details().forEach((d) => (d.open = true)));
    close.addEventListener("click", () => details().forEach((d) => (d.open = false)));
    box.append(text, verdict, open, close, shown);
    box.hidden = false;
    apply();
  }
  const before = new Map();
  addEventListener("beforeprint", () => details().forEach((d) => { before.set(d, d.open); d.open = true; }));
  addEventListener("afterprint", () => { before.forEach((was, d) => (d.open = was)); before.clear(); });
})();`;
