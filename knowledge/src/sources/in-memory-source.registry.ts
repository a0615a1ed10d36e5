import { KnowledgeSource, SourceRef } from './knowledge-source';
import { SourceRegistry } from './source-registry';

/** The registry for an index with no product database behind it (evaluations, tests); forgotten on exit. */
export class InMemorySourceRegistry extends SourceRegistry {
  private readonly sources = new Map<string, KnowledgeSource>();
  private readonly owners = new Map<string, string>();

  async claim(source: SourceRef, articleIds: string[]): Promise<Map<string, string>> {
    const known = this.sources.get(source.name);
    this.sources.set(source.name, { articles: 0, lastIngestedAt: null, ...known, ...source });
    for (const id of articleIds) if (!this.owners.has(id)) this.owners.set(id, source.name);
    return new Map(articleIds.map((id) => [id, this.owners.get(id)!]));
  }

  async articlesOf(name: string): Promise<Set<string>> {
    return new Set([...this.owners].filter(([, owner]) => owner === name).map(([id]) => id));
  }

  async settle(name: string, articleIds: string[]): Promise<void> {
    const keep = new Set(articleIds);
    for (const [id, owner] of this.owners) if (owner === name && !keep.has(id)) this.owners.delete(id);
    const source = this.sources.get(name);
    if (source) this.sources.set(name, { ...source, articles: (await this.articlesOf(name)).size, lastIngestedAt: new Date() });
  }

  async list(): Promise<KnowledgeSource[]> {
    return [...this.sources.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  async find(name: string): Promise<KnowledgeSource | undefined> {
    return this.sources.get(name);
  }

  /** One process, one registry: nobody to share a run with. */
  async leaseRun(): Promise<boolean> {
    return true;
  }

  async forget(name: string): Promise<void> {
    this.sources.delete(name);
    for (const [id, owner] of this.owners) if (owner === name) this.owners.delete(id);
  }
}
