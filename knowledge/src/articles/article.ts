/** A help-center article as loaded from its source, before chunking. */
export interface Article {
  id: string;
  title: string;
  url?: string;
  updatedAt?: string;
  /** Policy ids listed in the article's front matter. */
  policyIds: string[];
  /** Markdown body; `##` and `###` headings mark its sections. */
  body: string;
}
