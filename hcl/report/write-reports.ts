import { mkdirSync } from "node:fs";
import path from "node:path";
import { writeDurable } from "../../core/run/durable.js";
import type { Report } from "./build-report.js";

/** The formats a report is rendered to, and their file names. @public */
export const REPORT_FILES = {
  json: "report.json",
  junit: "report.junit.xml",
  html: "report.html",
  md: "report.md",
} as const;

/** One of {@link REPORT_FILES}. @public */
export type ReportFormat = keyof typeof REPORT_FILES;

/** Every report format, in the order they are written. @public */
export const REPORT_FORMATS = Object.keys(REPORT_FILES) as ReportFormat[];

/** The report in one format; each renderer loads only when asked for. @public */
export async function renderReport(report: Report, format: ReportFormat): Promise<string> {
  switch (format) {
    case "json":
      return `${JSON.stringify(report, null, 2)}\n`;
    case "junit":
      return (await import("./render-junit.js")).renderJunit(report);
    case "md":
      return (await import("./render-markdown.js")).renderMarkdown(report);
    case "html":
      return (await import("./html/render-html.js")).renderHtml(report);
  }
}

/** Writes the report in each format asked for into `dir`, each file durably; the files written. @public */
export async function writeReports(
  report: Report,
  formats: readonly ReportFormat[],
  dir: string,
): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const format of formats) {
    const file = path.join(dir, REPORT_FILES[format]);
    writeDurable(file, await renderReport(report, format));
    written.push(file);
  }
  return written;
}
