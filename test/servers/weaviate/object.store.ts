import { ClassRegistry } from './class.registry';
import { WeaviateRequestError } from './weaviate-request.error';
import type { ClassDefinition, PropertyDefinition, StoredObject } from './weaviate-wire.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Objects per class, in memory. Auto-schema is off: a property the class does not declare is refused,
 * so a product that forgets to migrate its schema fails here as it would on a strict server.
 */
export class ObjectStore {
  private readonly objects = new Map<string, Map<string, StoredObject>>();
  /** Vector length per class, fixed by the first vector written (the HNSW index's dimension). */
  private readonly dimensions = new Map<string, number>();

  constructor(
    private readonly classes: ClassRegistry,
    private readonly now: () => number = Date.now,
  ) {}

  all(className: string): StoredObject[] {
    return [...(this.objects.get(className)?.values() ?? [])].sort((a, b) => a.id.localeCompare(b.id));
  }

  get(className: string, id: string): StoredObject | undefined {
    return this.objects.get(className)?.get(id.toLowerCase());
  }

  /** Creates or replaces one object, as a batch entry does; throws the per-object error message. */
  put(input: unknown): StoredObject {
    const body = (input ?? {}) as { class?: string; id?: string; properties?: Record<string, unknown>; vector?: unknown; tenant?: string };
    if (typeof body.class !== 'string') throw new WeaviateRequestError(422, 'object has no class');
    const schema = this.classes.get(body.class);
    if (!schema) throw new WeaviateRequestError(422, `class '${body.class}' not present in schema`);
    if (body.tenant) throw new WeaviateRequestError(422, `class ${body.class} has multi-tenancy disabled, but request was with tenant`);
    if (typeof body.id !== 'string' || !UUID.test(body.id)) throw new WeaviateRequestError(422, `invalid object: id '${body.id}' is not a valid uuid`);
    const properties = validProperties(schema, body.properties ?? {});
    const vector = this.validVector(body.class, body.vector);
    const id = body.id.toLowerCase();
    const existing = this.objects.get(body.class)?.get(id);
    const timestamp = this.now();
    const stored: StoredObject = {
      class: body.class,
      id,
      properties,
      vector,
      creationTimeUnix: existing?.creationTimeUnix ?? timestamp,
      lastUpdateTimeUnix: timestamp,
    };
    if (!this.objects.has(body.class)) this.objects.set(body.class, new Map());
    this.objects.get(body.class)!.set(id, stored);
    return stored;
  }

  delete(className: string, id: string): boolean {
    return this.objects.get(className)?.delete(id.toLowerCase()) ?? false;
  }

  dropClass(className: string): void {
    this.objects.delete(className);
    this.dimensions.delete(className);
  }

  private validVector(className: string, vector: unknown): number[] | undefined {
    if (vector == null) return undefined;
    if (!Array.isArray(vector) || !vector.length || !vector.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw new WeaviateRequestError(422, 'invalid object: vector must be a non-empty array of numbers');
    }
    const expected = this.dimensions.get(className);
    if (expected !== undefined && expected !== vector.length) {
      throw new WeaviateRequestError(422, `new node has a vector with length ${vector.length}. Existing nodes have vectors with length ${expected}`);
    }
    this.dimensions.set(className, vector.length);
    return vector as number[];
  }
}

function validProperties(schema: ClassDefinition, properties: Record<string, unknown>): Record<string, unknown> {
  for (const [name, value] of Object.entries(properties)) {
    const property = schema.properties.find((p) => p.name === name);
    if (!property) {
      throw new WeaviateRequestError(
        422,
        `invalid object: no such prop with name '${name}' found in class '${schema.class}' in the schema. Check your schema files for which properties in this class are available`,
      );
    }
    if (value !== null && !fitsType(property, value)) {
      throw new WeaviateRequestError(422, `invalid object: invalid ${property.dataType[0]} property '${name}' on class '${schema.class}'`);
    }
  }
  return structuredClone(properties);
}

function fitsType(property: PropertyDefinition, value: unknown): boolean {
  const type = property.dataType[0];
  if (type.endsWith('[]')) return Array.isArray(value) && value.every((v) => fitsScalar(type.slice(0, -2), v));
  return fitsScalar(type, value);
}

function fitsScalar(type: string, value: unknown): boolean {
  switch (type) {
    case 'text':
    case 'uuid':
      return typeof value === 'string';
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'int':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return false;
  }
}
