/**
 * HTML built from report strings, which come from hardware dumps and operators: every value
 * interpolated into {@link html} is escaped unless it is already {@link SafeHtml}, so that
 * forgetting to escape is not possible by construction.
 *
 * STYLE.md asks for a library for HTML escaping; none is a dependency and this package's
 * manifest is not ours to change here, so the five characters that matter in text and in
 * double- or single-quoted attribute values are replaced by their references (the OWASP rule).
 */

const REFERENCES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * `text` as HTML text or a quoted attribute value: `& < > " '` become character references.
 *
 * @public
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => REFERENCES[c] ?? c);
}

/** A piece of HTML that is already safe: built by {@link html}, or markup written here. @public */
export class SafeHtml {
  /** @param text - the markup, inserted as is. */
  constructor(readonly text: string) {}

  /** The markup. */
  toString(): string {
    return this.text;
  }
}

/** What may be interpolated into {@link html}: text is escaped, arrays are concatenated. @public */
export type HtmlValue =
  SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function fragment(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.text;
  if (value === null || value === undefined || value === false) return "";
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(fragment).join("");
  return escapeHtml(String(value));
}

/**
 * A tagged template for HTML: the literal parts are markup, every interpolated value is escaped
 * (`null`, `undefined` and `false` give nothing, so `${cond && html`…`}` works).
 *
 * @public
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, i) => (out += fragment(value) + (strings[i + 1] ?? "")));
  return new SafeHtml(out);
}
