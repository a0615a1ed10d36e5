import { Article } from '../articles/article';

/** Test articles with safe defaults: `anArticle().withBody('## A\n\ntext').build()`. */
export class ArticleBuilder {
  private article: Article = { id: 'an-article', title: 'An article', policyIds: [], body: '## Section\n\nSome text.' };

  withId(id: string): this {
    this.article = { ...this.article, id };
    return this;
  }

  withTitle(title: string): this {
    this.article = { ...this.article, title };
    return this;
  }

  withBody(body: string): this {
    this.article = { ...this.article, body };
    return this;
  }

  withPolicies(...policyIds: string[]): this {
    this.article = { ...this.article, policyIds };
    return this;
  }

  withUpdatedAt(updatedAt: string): this {
    this.article = { ...this.article, updatedAt };
    return this;
  }

  build(): Article {
    return { ...this.article, policyIds: [...this.article.policyIds] };
  }
}

export function anArticle(): ArticleBuilder {
  return new ArticleBuilder();
}
