import type { WhereFilter } from 'weaviate-ts-client';

/** Restricts a search to part of the help center; every given condition must hold. */
export interface KnowledgeFilter {
  /** Only chunks of these articles. */
  articleIds?: string[];
  /** Only chunks stating at least one of these policies. */
  policyIds?: string[];
  /** Only chunks of articles updated on or after this date (compared as text, so ISO dates). */
  updatedSince?: string;
}

/** The Weaviate where filter for a knowledge filter, or undefined when it restricts nothing. */
export function whereFilter(filter: KnowledgeFilter | undefined): WhereFilter | undefined {
  const operands: WhereFilter[] = [];
  if (filter?.articleIds) operands.push({ path: ['articleId'], operator: 'ContainsAny', valueTextArray: filter.articleIds });
  if (filter?.policyIds) operands.push({ path: ['policyIds'], operator: 'ContainsAny', valueTextArray: filter.policyIds });
  if (filter?.updatedSince) operands.push({ path: ['updatedAt'], operator: 'GreaterThanEqual', valueText: filter.updatedSince });
  if (operands.length <= 1) return operands[0];
  return { operator: 'And', operands };
}
