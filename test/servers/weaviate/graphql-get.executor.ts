import { Kind, parse, type FieldNode, type SelectionSetNode } from 'graphql';
import { bm25Search } from './bm25.scorer';
import { ClassRegistry } from './class.registry';
import { cosineDistance } from './cosine.distance';
import { readGraphqlValue } from './graphql-value.reader';
import { fuse, type FusionType } from './hybrid.fusion';
import { ObjectStore } from './object.store';
import { whereMatcher } from './where-filter.matcher';
import type { ClassDefinition, StoredObject, WhereFilter } from './weaviate-wire.types';

/** QUERY_DEFAULTS_LIMIT and QUERY_MAXIMUM_RESULTS of a default Weaviate. */
const DEFAULT_LIMIT = 10;
const MAXIMUM_RESULTS = 10_000;
const GET_ARGUMENTS = new Set(['where', 'hybrid', 'nearVector', 'bm25', 'limit', 'offset', 'after', 'autocut', 'sort', 'tenant', 'consistencyLevel']);
const ADDITIONAL_FIELDS = new Set(['id', 'score', 'explainScore', 'distance', 'certainty', 'vector', 'creationTimeUnix', 'lastUpdateTimeUnix']);

export interface GraphqlResponse {
  data?: { Get: Record<string, unknown[] | null> } | null;
  errors?: { message: string; path?: string[] }[];
}

/** A query Weaviate would answer with `errors` (and HTTP 200). */
class QueryError extends Error {}

interface Hit {
  object: StoredObject;
  score?: number;
  explainScore?: string;
  distance?: number;
}

/** Runs `{Get{<Class>(…){…}}}` documents as Weaviate does for the search arguments the fake supports. */
export function executeGraphql(document: string, classes: ClassRegistry, objects: ObjectStore): GraphqlResponse {
  let fields: readonly FieldNode[];
  try {
    fields = getFields(document);
  } catch (error) {
    return { errors: [{ message: (error as Error).message }] };
  }
  const get: Record<string, unknown[] | null> = {};
  const errors: GraphqlResponse['errors'] = [];
  for (const field of fields) {
    try {
      get[field.name.value] = runGet(field, classes, objects);
    } catch (error) {
      get[field.name.value] = null;
      errors.push({ message: (error as Error).message, path: ['Get', field.name.value] });
    }
  }
  return errors.length ? { data: { Get: get }, errors } : { data: { Get: get } };
}

function getFields(document: string): readonly FieldNode[] {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query') throw new QueryError('expected a query');
  const get = operation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'Get');
  if (!get?.selectionSet) throw new QueryError('this fake answers Get queries only');
  return get.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
}

function runGet(field: FieldNode, classes: ClassRegistry, objects: ObjectStore): unknown[] {
  const className = field.name.value;
  const schema = classes.get(className);
  if (!schema) throw new QueryError(`Cannot query field "${className}" on type "GetObjectsObj".`);
  const args: Record<string, unknown> = {};
  for (const argument of field.arguments ?? []) {
    if (!GET_ARGUMENTS.has(argument.name.value)) {
      throw new QueryError(`Unknown argument "${argument.name.value}" on field "${className}" of type "GetObjectsObj".`);
    }
    args[argument.name.value] = readGraphqlValue(argument.value);
  }
  if (args.tenant !== undefined) throw new QueryError(`class ${className} has multi-tenancy disabled, but request was with tenant`);
  const limit = (args.limit as number | undefined) ?? DEFAULT_LIMIT;
  const offset = (args.offset as number | undefined) ?? 0;
  if (limit + offset > MAXIMUM_RESULTS) throw new QueryError(`query maximum results exceeded: limit ${limit} + offset ${offset} > ${MAXIMUM_RESULTS}`);
  const searches = ['hybrid', 'nearVector', 'bm25'].filter((name) => args[name] !== undefined);
  if (searches.length > 1) throw new QueryError(`cannot combine ${searches.join(' and ')} in one query`);

  const collection = objects.all(className);
  const matches = args.where ? whereMatcher(schema, args.where as WhereFilter) : () => true;
  const candidates = collection.filter(matches);
  let hits: Hit[];
  if (args.after !== undefined) {
    if (searches.length || args.where || args.sort || args.offset) throw new QueryError('other params cannot be set with after and limit parameters');
    const after = String(args.after).toLowerCase();
    hits = candidates.filter((o) => o.id > after).map((object) => ({ object }));
  } else if (args.hybrid) hits = hybrid(schema, collection, candidates, args.hybrid as Record<string, unknown>, limit + offset);
  else if (args.nearVector) hits = nearVector(candidates, args.nearVector as Record<string, unknown>);
  else if (args.bm25) {
    const { query, properties } = args.bm25 as { query?: string; properties?: string[] };
    hits = bm25Search(schema, collection, candidates, query ?? '', properties);
  } else hits = sorted(candidates, args.sort as SortSpec[] | undefined).map((object) => ({ object }));

  return hits.slice(offset, offset + limit).map((hit) => project(hit, field.selectionSet, schema));
}

function hybrid(schema: ClassDefinition, collection: StoredObject[], candidates: StoredObject[], spec: Record<string, unknown>, k: number): Hit[] {
  const alpha = (spec.alpha as number | undefined) ?? 0.75;
  const fusionType = (spec.fusionType as FusionType | undefined) ?? 'relativeScoreFusion';
  if (alpha < 0 || alpha > 1) throw new QueryError(`alpha must be between 0 and 1, got ${alpha}`);
  const vector = spec.vector as number[] | undefined;
  if (alpha > 0 && !vector) throw new QueryError(`no vectorizer found for class ${schema.class}: pass a vector with the hybrid search or set alpha to 0`);
  // Each sub-search contributes as many results as the query asks for, as in Weaviate's hybrid.
  const keyword = alpha < 1 ? bm25Search(schema, collection, candidates, String(spec.query ?? ''), spec.properties as string[] | undefined).slice(0, k) : [];
  const dense =
    alpha > 0
      ? nearVector(candidates, { vector })
          .slice(0, k)
          .map((hit) => ({ object: hit.object, score: 1 - hit.distance! }))
      : [];
  return fuse(keyword, dense, alpha, fusionType);
}

function nearVector(candidates: StoredObject[], spec: Record<string, unknown>): Hit[] {
  const vector = spec.vector as number[] | undefined;
  if (!Array.isArray(vector) || !vector.length) throw new QueryError('nearVector needs a vector');
  const maxDistance = spec.distance as number | undefined;
  const minCertainty = spec.certainty as number | undefined;
  return candidates
    .filter((object) => object.vector)
    .map((object) => {
      if (object.vector!.length !== vector.length) {
        throw new QueryError(
          `vector search: knn search: distance between entrypoint and query node: vector lengths don't match: ${object.vector!.length} vs ${vector.length}`,
        );
      }
      return { object, distance: cosineDistance(object.vector!, vector) };
    })
    .filter((hit) => (maxDistance === undefined || hit.distance <= maxDistance) && (minCertainty === undefined || 1 - hit.distance / 2 >= minCertainty))
    .sort((a, b) => a.distance - b.distance || a.object.id.localeCompare(b.object.id));
}

interface SortSpec {
  path: string[];
  order?: 'asc' | 'desc';
}

function sorted(objects: StoredObject[], sort?: SortSpec[]): StoredObject[] {
  if (!sort?.length) return objects;
  const specs = Array.isArray(sort) ? sort : [sort];
  return [...objects].sort((a, b) => {
    for (const { path, order } of specs) {
      const [x, y] = [a.properties[path[0]], b.properties[path[0]]];
      const difference = typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''));
      if (difference) return order === 'desc' ? -difference : difference;
    }
    return a.id.localeCompare(b.id);
  });
}

function project(hit: Hit, selection: SelectionSetNode | undefined, schema: ClassDefinition): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const node of selection?.selections ?? []) {
    if (node.kind !== Kind.FIELD) continue;
    const name = node.name.value;
    if (name === '_additional') {
      result._additional = additional(hit, node.selectionSet);
      continue;
    }
    if (name === '__typename') continue;
    if (!schema.properties.some((p) => p.name === name)) throw new QueryError(`Cannot query field "${name}" on type "${schema.class}".`);
    result[name] = hit.object.properties[name] ?? null;
  }
  return result;
}

/** `score` and `explainScore` are strings on the wire; `distance` and `certainty` numbers. */
function additional(hit: Hit, selection: SelectionSetNode | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const node of selection?.selections ?? []) {
    if (node.kind !== Kind.FIELD) continue;
    const name = node.name.value;
    if (!ADDITIONAL_FIELDS.has(name)) throw new QueryError(`Cannot query field "${name}" on type "${hit.object.class}AdditionalFields".`);
    const values: Record<string, unknown> = {
      id: hit.object.id,
      score: hit.score === undefined ? null : String(hit.score),
      explainScore: hit.explainScore ?? (hit.score === undefined ? null : `(bm25) score ${hit.score}`),
      distance: hit.distance ?? null,
      certainty: hit.distance === undefined ? null : 1 - hit.distance / 2,
      vector: hit.object.vector ?? null,
      creationTimeUnix: String(hit.object.creationTimeUnix),
      lastUpdateTimeUnix: String(hit.object.lastUpdateTimeUnix),
    };
    result[name] = values[name];
  }
  return result;
}
