import { tokenize } from './text.tokenizer';
import type { ClassDefinition, PropertyDefinition, StoredObject, WhereFilter } from './weaviate-wire.types';

/** A where filter the server refuses; answered as a 422 (REST) or a GraphQL error. */
export class InvalidFilterError extends Error {}

const VALUE_OPERATORS = new Set([
  'Equal',
  'NotEqual',
  'GreaterThan',
  'GreaterThanEqual',
  'LessThan',
  'LessThanEqual',
  'Like',
  'ContainsAny',
  'ContainsAll',
  'IsNull',
]);

/** Builds a predicate for a where filter, checking it against the class first, as Weaviate does. */
export function whereMatcher(schema: ClassDefinition, filter: WhereFilter): (object: StoredObject) => boolean {
  if (filter.operator === 'And' || filter.operator === 'Or') {
    if (!filter.operands?.length) throw new InvalidFilterError(`operator ${filter.operator} needs operands`);
    const operands = filter.operands.map((operand) => whereMatcher(schema, operand));
    return filter.operator === 'And' ? (o) => operands.every((m) => m(o)) : (o) => operands.some((m) => m(o));
  }
  if (!VALUE_OPERATORS.has(filter.operator)) throw new InvalidFilterError(`unrecognized operator: ${filter.operator}`);
  if (!filter.path?.length) throw new InvalidFilterError('filter needs a path');
  if (filter.path.length > 1) throw new InvalidFilterError('reference paths are not supported by this fake');
  const valueKey = Object.keys(filter).find((key) => key.startsWith('value'));
  if (!valueKey) throw new InvalidFilterError('filter needs a value');
  const wanted = filter[valueKey as `value${string}`];
  const [name] = filter.path;

  if (name === 'id' || name === '_id') return (object) => compare(filter.operator, [object.id], wanted, 'field');
  const property = schema.properties.find((p) => p.name === name);
  if (!property) throw new InvalidFilterError(`no such prop with name '${name}' found in class '${schema.class}' in the schema`);
  if (property.indexFilterable === false && filter.operator !== 'IsNull') {
    throw new InvalidFilterError(`Filtering by property '${name}' requires inverted index. Is \`indexFilterable\` option of property '${name}' enabled?`);
  }
  return (object) => {
    const value = object.properties[name];
    if (filter.operator === 'IsNull') return (value == null || (Array.isArray(value) && !value.length)) === Boolean(wanted);
    return compare(filter.operator, valuesOf(value), wanted, tokenizationOf(property));
  };
}

function compare(operator: string, stored: unknown[], wanted: unknown, tokenization: string | undefined): boolean {
  const wantedValues = Array.isArray(wanted) ? wanted : [wanted];
  if (tokenization) {
    const storedTokens = new Set(stored.flatMap((v) => tokenize(String(v), tokenization as never)));
    const holds = (value: unknown) => {
      const tokens = tokenize(String(value), tokenization as never);
      return tokens.length > 0 && tokens.every((token) => storedTokens.has(token));
    };
    switch (operator) {
      case 'Equal':
        return holds(wantedValues[0]);
      case 'NotEqual':
        return !holds(wantedValues[0]);
      case 'ContainsAny':
        return wantedValues.some(holds);
      case 'ContainsAll':
        return wantedValues.every(holds);
      case 'Like':
        return stored.some((v) => likePattern(String(wantedValues[0])).test(String(v)));
    }
  }
  const order = (test: (difference: number) => boolean) => stored.some((v) => test(difference(v, wantedValues[0])));
  switch (operator) {
    case 'Equal':
      return stored.some((v) => v === wantedValues[0]);
    case 'NotEqual':
      return !stored.some((v) => v === wantedValues[0]);
    case 'ContainsAny':
      return wantedValues.some((w) => stored.includes(w));
    case 'ContainsAll':
      return wantedValues.every((w) => stored.includes(w));
    case 'GreaterThan':
      return order((d) => d > 0);
    case 'GreaterThanEqual':
      return order((d) => d >= 0);
    case 'LessThan':
      return order((d) => d < 0);
    case 'LessThanEqual':
      return order((d) => d <= 0);
    default:
      throw new InvalidFilterError(`operator ${operator} is not supported on this property`);
  }
}

/** Text properties compare by tokens; ordering operators on them compare the whole value. */
function tokenizationOf(property: PropertyDefinition): string | undefined {
  const type = property.dataType[0];
  return type === 'text' || type === 'text[]' ? (property.tokenization ?? 'word') : undefined;
}

function valuesOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value == null ? [] : [value];
}

function difference(stored: unknown, wanted: unknown): number {
  if (typeof stored === 'number' && typeof wanted === 'number') return stored - wanted;
  return String(stored).localeCompare(String(wanted));
}

function likePattern(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}
