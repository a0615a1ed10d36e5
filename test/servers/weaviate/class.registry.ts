import { WeaviateRequestError } from './weaviate-request.error';
import type { ClassDefinition, PropertyDefinition } from './weaviate-wire.types';

const CLASS_NAME = /^[A-Z][_0-9A-Za-z]*$/;
const PROPERTY_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
const RESERVED_PROPERTIES = new Set(['_additional', '_id', 'id']);
const DATA_TYPES = new Set(['text', 'text[]', 'int', 'int[]', 'number', 'number[]', 'boolean', 'boolean[]', 'date', 'date[]', 'uuid', 'uuid[]']);
const TOKENIZATIONS = new Set(['word', 'field', 'lowercase', 'whitespace']);

/** The schema: classes as `POST /v1/schema` stores them, with Weaviate's defaults filled in. */
export class ClassRegistry {
  private readonly classes = new Map<string, ClassDefinition>();

  list(): ClassDefinition[] {
    return [...this.classes.values()];
  }

  get(name: string): ClassDefinition | undefined {
    return this.classes.get(name);
  }

  require(name: string): ClassDefinition {
    const found = this.classes.get(name);
    if (!found) throw new WeaviateRequestError(422, `class "${name}" not found in schema`);
    return found;
  }

  create(body: unknown): ClassDefinition {
    const input = (body ?? {}) as Partial<ClassDefinition> & { class?: string };
    if (typeof input.class !== 'string' || !CLASS_NAME.test(input.class)) {
      throw new WeaviateRequestError(422, `'${input.class}' is not a valid class name`);
    }
    if (this.classes.has(input.class)) throw new WeaviateRequestError(422, `class name "${input.class}" already exists`);
    if (input.vectorizer && input.vectorizer !== 'none') {
      throw new WeaviateRequestError(422, `vectorizer: no module with name "${input.vectorizer}" present`);
    }
    const properties = (input.properties ?? []).map((p) => withPropertyDefaults(p));
    const names = new Set<string>();
    for (const property of properties) {
      if (names.has(property.name.toLowerCase())) throw new WeaviateRequestError(422, `property "${property.name}" is defined twice`);
      names.add(property.name.toLowerCase());
    }
    const created: ClassDefinition = {
      class: input.class,
      description: input.description,
      vectorizer: 'none',
      vectorIndexType: input.vectorIndexType ?? 'hnsw',
      vectorIndexConfig: { distance: 'cosine', ...input.vectorIndexConfig },
      invertedIndexConfig: {
        cleanupIntervalSeconds: 60,
        ...input.invertedIndexConfig,
        bm25: { b: 0.75, k1: 1.2, ...input.invertedIndexConfig?.bm25 },
        stopwords: { preset: 'en', ...input.invertedIndexConfig?.stopwords },
      },
      multiTenancyConfig: { enabled: false, ...input.multiTenancyConfig },
      properties,
    };
    if (created.vectorIndexConfig.distance !== 'cosine') {
      throw new WeaviateRequestError(422, `this fake supports the cosine distance only, not ${created.vectorIndexConfig.distance}`);
    }
    if (created.multiTenancyConfig.enabled) throw new WeaviateRequestError(422, 'this fake does not support multi-tenancy');
    this.classes.set(created.class, created);
    return created;
  }

  addProperty(className: string, body: unknown): PropertyDefinition {
    const schema = this.require(className);
    const property = withPropertyDefaults(body as PropertyDefinition);
    if (schema.properties.some((p) => p.name.toLowerCase() === property.name.toLowerCase())) {
      throw new WeaviateRequestError(422, `property "${property.name}" already exists in class "${className}"`);
    }
    schema.properties.push(property);
    return property;
  }

  delete(className: string): void {
    this.classes.delete(className);
  }
}

function withPropertyDefaults(input: PropertyDefinition): PropertyDefinition {
  if (!input || typeof input.name !== 'string' || !PROPERTY_NAME.test(input.name) || RESERVED_PROPERTIES.has(input.name)) {
    throw new WeaviateRequestError(422, `'${input?.name}' is not a valid property name`);
  }
  const type = input.dataType?.[0];
  if (!Array.isArray(input.dataType) || input.dataType.length !== 1 || !DATA_TYPES.has(type)) {
    throw new WeaviateRequestError(422, `property '${input.name}': invalid dataType ${JSON.stringify(input.dataType)}`);
  }
  const text = type === 'text' || type === 'text[]';
  if (input.tokenization && (!text || !TOKENIZATIONS.has(input.tokenization))) {
    throw new WeaviateRequestError(422, `Tokenization '${input.tokenization}' is not allowed for data type '${type}'`);
  }
  return {
    ...input,
    ...(text ? { tokenization: input.tokenization ?? 'word' } : {}),
    indexFilterable: input.indexFilterable ?? true,
    indexSearchable: input.indexSearchable ?? text,
  };
}
