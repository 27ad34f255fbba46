import { expect } from "chai";
import fc from "fast-check";
import { SafeHtml, escapeHtml, html } from "../../../../../hcl/report/html/escape-html.js";
import { RUNS } from "../../../../helpers/mutations.js";

/** What a browser makes of escaped text: the five references back to their characters. */
const unescape = (s: string): string =>
  s
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&");

/** Text as dumps and operators write it: any code points, with markup pieces mixed in. */
const hostile = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc
    .array(
      fc.constantFrom(
        "<",
        ">",
        "&",
        '"',
        "'",
        "<script>",
        "</td>",
        "&amp;",
        "&#39;",
        "x",
        " ",
        "=",
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join("")),
);

describe("hcl/report/html/escape-html", () => {
  it("leaves no raw <, >, & or quote in text or a quoted attribute value, and loses nothing", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const out = escapeHtml(text);
        expect(out).not.to.match(/[<>"']/);
        expect(out.replace(/&(amp|lt|gt|quot|#39);/g, "")).not.to.include("&");
        expect(unescape(out)).to.equal(text);
      }),
      RUNS,
    );
  });

  it("escapes every value interpolated into html``, keeps SafeHtml as is, and stays inside its attribute", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const out = html`<td title="${text}">${text}</td>`.text;
        const title = /^<td title="([^"]*)">/.exec(out);
        expect(title, out).not.to.equal(null);
        expect(unescape(title?.[1] ?? "")).to.equal(text);
        expect(out.match(/</g)).to.have.length(2);
      }),
      RUNS,
    );
    expect(html`<p>${new SafeHtml("<b>bold</b>")}</p>`.text).to.equal("<p><b>bold</b></p>");
  });

  it("joins arrays, and gives nothing for null, undefined and false (so `cond && html` works)", () => {
    const items = ["<a>", html`<b>b</b>`, 3];
    expect(html`${items}|${null}|${undefined}|${false}|${0}`.text).to.equal(
      "&lt;a&gt;<b>b</b>3||||0",
    );
  });
});
