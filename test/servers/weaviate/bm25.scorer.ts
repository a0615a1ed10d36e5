import { isStopword, tokenize } from './text.tokenizer';
import type { ClassDefinition, PropertyDefinition, StoredObject } from './weaviate-wire.types';

export interface Bm25Hit {
  object: StoredObject;
  score: number;
}

/** A searched property and its boost, from `properties:["title^2", "text"]`. */
interface WeightedProperty {
  property: PropertyDefinition;
  boost: number;
}

/**
 * BM25F as Weaviate runs it: per-property term frequencies weighted by the boost and normalised by the
 * property's average length, `k1` and `b` from the class's invertedIndexConfig, idf over the whole class.
 * Query terms are tokenized per property; stopwords of the `en` preset are dropped from the query.
 */
export function bm25Search(
  schema: ClassDefinition,
  collection: StoredObject[],
  candidates: StoredObject[],
  query: string,
  propertyNames?: string[],
): Bm25Hit[] {
  const searched = searchedProperties(schema, propertyNames);
  const { k1, b } = schema.invertedIndexConfig.bm25;
  const documents = collection.map((object) => ({ object, fields: searched.map(({ property }) => tokensOf(object, property)) }));
  const averageLength = searched.map((_, i) => documents.reduce((sum, doc) => sum + doc.fields[i].length, 0) / (documents.length || 1) || 1);
  const terms = [...new Set(searched.flatMap(({ property }) => tokenize(query, property.tokenization).filter((t) => !isStopword(t))))];
  const documentFrequency = new Map(terms.map((term) => [term, documents.filter((doc) => doc.fields.some((field) => field.includes(term))).length]));
  const byId = new Map(documents.map((doc) => [doc.object.id, doc]));

  return candidates
    .map((object) => {
      const doc = byId.get(object.id)!;
      let score = 0;
      for (const term of terms) {
        let frequency = 0;
        searched.forEach(({ boost }, i) => {
          const count = doc.fields[i].filter((token) => token === term).length;
          frequency += (boost * count) / (1 - b + (b * doc.fields[i].length) / averageLength[i]);
        });
        if (!frequency) continue;
        const n = documentFrequency.get(term)!;
        const idf = Math.log(1 + (documents.length - n + 0.5) / (n + 0.5));
        score += (idf * frequency * (k1 + 1)) / (frequency + k1);
      }
      return { object, score };
    })
    .filter((hit) => hit.score > 0)
    .sort((x, y) => y.score - x.score || x.object.id.localeCompare(y.object.id));
}

function searchedProperties(schema: ClassDefinition, names?: string[]): WeightedProperty[] {
  const searchable = schema.properties.filter((p) => isText(p) && p.indexSearchable !== false);
  if (!names?.length) return searchable.map((property) => ({ property, boost: 1 }));
  return names.map((spec) => {
    const [name, boost] = spec.split('^');
    const property = searchable.find((p) => p.name === name);
    if (!property) throw new Error(`property "${name}" of class ${schema.class} is not a searchable text property`);
    return { property, boost: boost ? Number(boost) : 1 };
  });
}

function tokensOf(object: StoredObject, property: PropertyDefinition): string[] {
  const value = object.properties[property.name];
  const values = Array.isArray(value) ? value : value == null ? [] : [value];
  return values.flatMap((v) => tokenize(String(v), property.tokenization));
}

function isText(property: PropertyDefinition): boolean {
  return property.dataType[0] === 'text' || property.dataType[0] === 'text[]';
}
