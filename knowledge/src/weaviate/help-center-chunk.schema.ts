import type { Property, WeaviateClass, WeaviateClient } from 'weaviate-ts-client';

/** Properties of a chunk object. Ids, hashes and urls are matched whole (`field`), not searched. */
export const CHUNK_PROPERTIES: Property[] = [
  { name: 'chunkId', dataType: ['text'], tokenization: 'field', indexSearchable: false, description: 'article id + section slug' },
  { name: 'articleId', dataType: ['text'], tokenization: 'field', indexSearchable: false },
  { name: 'position', dataType: ['int'], description: 'order inside the article' },
  { name: 'title', dataType: ['text'], tokenization: 'word' },
  { name: 'url', dataType: ['text'], tokenization: 'field', indexSearchable: false },
  { name: 'section', dataType: ['text'], tokenization: 'word', description: 'heading path, e.g. "Returns > Damaged items"' },
  { name: 'text', dataType: ['text'], tokenization: 'word' },
  { name: 'policyIds', dataType: ['text[]'], tokenization: 'field', indexSearchable: false },
  { name: 'updatedAt', dataType: ['text'], tokenization: 'field', indexSearchable: false, description: 'as the article gives it' },
  { name: 'contentHash', dataType: ['text'], tokenization: 'field', indexSearchable: false, description: 'hash of what was embedded' },
  { name: 'embedder', dataType: ['text'], tokenization: 'field', indexSearchable: false, description: 'name of the embedder of the vector' },
];

/** Text properties BM25 searches. */
export const SEARCHED_PROPERTIES = ['title', 'section', 'text'];

/** What bringing the class up to date did. */
export interface SchemaMigration {
  created: boolean;
  addedProperties: string[];
}

/**
 * Creates the chunk class, or adds the properties an older version of the product did not have.
 * Vectors come from our Embedder (`vectorizer: none`), compared by cosine like the Postgres index.
 */
export async function migrateChunkClass(client: WeaviateClient, className: string): Promise<SchemaMigration> {
  let existing = await findClass(client, className);
  if (!existing) {
    try {
      await client.schema
        .classCreator()
        .withClass({
          class: className,
          description: 'Help-center article chunks for the support agent',
          vectorizer: 'none',
          vectorIndexConfig: { distance: 'cosine' },
          properties: CHUNK_PROPERTIES,
        })
        .do();
      return { created: true, addedProperties: [] };
    } catch (error) {
      // Another process may have created it in the meantime; anything else is a real failure.
      existing = await findClass(client, className);
      if (!existing) throw error;
    }
  }
  const present = new Map((existing.properties ?? []).map((p) => [p.name?.toLowerCase(), p]));
  const addedProperties: string[] = [];
  for (const property of CHUNK_PROPERTIES) {
    const found = present.get(property.name!.toLowerCase());
    if (found) {
      if (found.dataType?.[0] !== property.dataType![0]) {
        throw new Error(
          `Weaviate class ${className} has property ${property.name} as ${found.dataType?.[0]}, not ${property.dataType![0]}: use another WEAVIATE_CLASS`,
        );
      }
      continue;
    }
    await client.schema.propertyCreator().withClassName(className).withProperty(property).do();
    addedProperties.push(property.name!);
  }
  return { created: false, addedProperties };
}

async function findClass(client: WeaviateClient, className: string): Promise<WeaviateClass | undefined> {
  const schema = await client.schema.getter().do();
  return schema.classes?.find((c) => c.class === className);
}
