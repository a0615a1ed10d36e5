/** One retrieved piece of a help-center article. */
export interface Passage {
  /** Stable chunk id (article id + section). */
  id: string;
  articleId: string;
  title: string;
  url?: string;
  /** Heading path inside the article, e.g. "Returns > Damaged items". */
  section: string;
  text: string;
  /** Policy ids the chunk states, e.g. ["POL-RETURNS-30D"]. */
  policyIds: string[];
  updatedAt?: string;
  /** Relevance in [0, 1]; comparable across queries so the confidence gate can threshold it. */
  score: number;
}

export interface SearchOptions {
  /** How many passages at most (default 5). */
  limit?: number;
}

/** What the agent asks the help center, whatever the backend behind it. */
export abstract class KnowledgeRetriever {
  abstract search(query: string, options?: SearchOptions): Promise<Passage[]>;
  /** The passages that state a policy, for the policy lookup tool. */
  abstract findPolicy(policyId: string): Promise<Passage[]>;
}
