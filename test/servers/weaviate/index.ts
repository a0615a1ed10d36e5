export { type FakeWeaviate, FakeWeaviateServer, type FakeWeaviateOptions, startFakeWeaviate } from './fake-weaviate.server';
export type { ClassDefinition, PropertyDefinition, RecordedWeaviateRequest, StoredObject, WhereFilter } from './weaviate-wire.types';
