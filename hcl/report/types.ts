/** A forced resume as `resumes.json` records it. @public */
export interface RecordResume {
  readonly at: string;
  readonly changes: readonly string[];
}
