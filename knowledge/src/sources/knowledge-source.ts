/**
 * Where articles come from. `help-center` is HELP_CENTER_DIR, re-indexed at start and on schedule;
 * `manual` sources are folders or files indexed with `npm run kb -- ingest` and kept until removed.
 */
export type SourceKind = 'help-center' | 'manual';

export interface SourceRef {
  name: string;
  kind: SourceKind;
  path: string;
}

export interface KnowledgeSource extends SourceRef {
  articles: number;
  /** Null when no ingestion of it has finished yet. */
  lastIngestedAt: Date | null;
}

/** The name HELP_CENTER_DIR is remembered under, whatever folder it points at. */
export const HELP_CENTER_SOURCE_NAME = 'help-center';

export function helpCenterSource(path: string): SourceRef {
  return { name: HELP_CENTER_SOURCE_NAME, kind: 'help-center', path };
}
