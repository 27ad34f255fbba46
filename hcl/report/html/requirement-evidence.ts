import type { Evidence, Fact } from "../../../core/plugin/api.js";
import type { RequirementResult } from "../../../core/run/session-types.js";
import type { ResolvedFact } from "../../../core/suite/facts.js";
import { html, type SafeHtml } from "./escape-html.js";
import { evidenceItem, factValue, formatNumber, verdictBadge } from "./format.js";

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

function factRows(facts: readonly (ResolvedFact | (Fact & { name: string }))[]): SafeHtml {
  return html`<table class="facts">
    <thead>
      <tr>
        <th scope="col">Fact</th>
        <th scope="col">Value</th>
        <th scope="col">Evidence</th>
      </tr>
    </thead>
    <tbody>
      ${facts.map(
        (f) =>
          html`<tr>
            <th scope="row"><code>${f.name}</code></th>
            <td>${factValue(f.value)}</td>
            <td>
              ${
                f.evidence.length === 0
                  ? html`<span class="none">none recorded</span>`
                  : html`<ul class="evidence-list">
                      ${f.evidence.map(evidenceItem)}
                    </ul>`
              }
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The result's own evidence that its facts do not already show. */
function extraEvidence(r: RequirementResult): readonly Evidence[] {
  const shown = new Set(
    [...r.facts, ...Object.values(r.testFacts)].flatMap((f) =>
      f.evidence.map((e) => JSON.stringify(e)),
    ),
  );
  return r.evidence.filter((e) => !shown.has(JSON.stringify(e)));
}

function attempts(r: RequirementResult): SafeHtml {
  return html`<table class="attempts">
    <thead>
      <tr>
        <th scope="col" class="num">Try</th>
        <th scope="col">Started</th>
        <th scope="col" class="num">Duration</th>
        <th scope="col">Outcome</th>
        <th scope="col">Error</th>
      </tr>
    </thead>
    <tbody>
      ${r.attempts.map(
        (a) =>
          html`<tr>
            <td class="num">${a.n}</td>
            <td>${a.startedAt}</td>
            <td class="num">${formatNumber(a.durationMs)} ms</td>
            <td>
              ${
                a.outcome === "interrupted"
                  ? html`<span class="badge verdict-interrupted">interrupted</span>`
                  : verdictBadge(a.outcome)
              }
            </td>
            <td>
              ${a.error === undefined ? "" : html`<code>${a.error.code}</code> ${a.error.message}`}
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

const block = (title: string, body: SafeHtml): SafeHtml =>
  html`<div class="ev-block">
    <h3 class="minor">${title}</h3>
    ${body}
  </div>`;

/** What the summary line of the evidence says is inside: `1 fact · 2 attempts · notes`. @public */
export function evidenceSummary(r: RequirementResult): string {
  const testFacts = Object.keys(r.testFacts).length;
  const parts = [
    r.facts.length + testFacts > 0 && plural(r.facts.length + testFacts, "fact"),
    r.attempts.length > 0 && plural(r.attempts.length, "attempt"),
    r.answer !== null && "answer",
    r.notes.length > 0 && plural(r.notes.length, "note"),
    r.output !== null && "output",
  ].filter((p): p is string => typeof p === "string");
  return parts.length > 0 ? parts.join(" · ") : "source and timing";
}

/**
 * A requirement's evidence, shown on demand: why it is required, the facts with their values
 * and `file:line` evidence, facts the test established, the tries with their outcomes and
 * errors, the operator's answer and where it came from, notes, the output file and timing.
 *
 * @public
 */
export function requirementEvidence(r: RequirementResult): SafeHtml {
  const testFacts = Object.entries(r.testFacts).map(([name, f]) => ({ ...f, name }));
  const extra = extraEvidence(r);
  return html`<details class="evidence-details">
    <summary>Evidence <span class="summary-meta">${evidenceSummary(r)}</span></summary>
    <div class="evidence-body">
      <p class="why-required"><strong>Why it is required:</strong> ${r.source}</p>
      ${r.facts.length > 0 && block("Facts", factRows(r.facts))}
      ${testFacts.length > 0 && block("Facts the test established", factRows(testFacts))}
      ${
        extra.length > 0 &&
        block(
          "Evidence",
          html`<ul class="evidence-list">
            ${extra.map(evidenceItem)}
          </ul>`,
        )
      }
      ${r.attempts.length > 0 && block("Attempts", attempts(r))}
      ${r.answer !== null && block("Answer", html`<p><strong>${factValue(r.answer.value)}</strong> — from ${r.answer.from === "terminal" ? "the operator at the terminal" : "the answers file"}</p>`)}
      ${
        r.notes.length > 0 &&
        block(
          "Notes",
          html`<ul class="notes">
            ${r.notes.map((n) => html`<li>${n}</li>`)}
          </ul>`,
        )
      }
      ${r.output !== null && html`<p class="output"><strong>Output:</strong> <code>${r.output}</code> (in the session folder)</p>`}
      <p class="timing">Started ${r.startedAt} · finished ${r.finishedAt}</p>
    </div>
  </details>`;
}
