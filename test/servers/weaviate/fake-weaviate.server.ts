import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackHttpServer, readBody } from '../loopback-http.server';
import { ClassRegistry } from './class.registry';
import { executeGraphql } from './graphql-get.executor';
import { ObjectStore } from './object.store';
import { InvalidFilterError, whereMatcher } from './where-filter.matcher';
import { WeaviateRequestError } from './weaviate-request.error';
import type { ClassDefinition, RecordedWeaviateRequest, StoredObject, WhereFilter } from './weaviate-wire.types';

export interface FakeWeaviateOptions {
  /** When set, every request but the health checks needs `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Version answered by `GET /v1/meta` (default 1.25.0). */
  version?: string;
}

/** A local stand-in for Weaviate's v1 REST + GraphQL API, to point `weaviate.client({ host: url })` at. */
export interface FakeWeaviate {
  /** e.g. `http://127.0.0.1:43121`. */
  readonly url: string;
  /** Every request received, in order, including refused ones. */
  readonly requests: RecordedWeaviateRequest[];
  /** The stored class, as `GET /v1/schema/{Class}` would answer. */
  schemaOf(className: string): ClassDefinition | undefined;
  /** The stored objects of a class, in id order. */
  objectsOf(className: string): StoredObject[];
  /** The next `count` answers of this method and path are this HTTP error (outages, rate limits). */
  failNext(method: string, path: string, status: number, count?: number): void;
  /** Forgets recorded requests, the schema and every object. */
  reset(): void;
  close(): Promise<void>;
}

const BATCH_DELETE_LIMIT = 10_000;

export class FakeWeaviateServer implements FakeWeaviate {
  readonly requests: RecordedWeaviateRequest[] = [];
  private classes = new ClassRegistry();
  private objects = new ObjectStore(this.classes);
  private readonly failures: { method: string; path: string; status: number; count: number }[] = [];
  private readonly http = new LoopbackHttpServer((request, response) => {
    this.handle(request, response).catch((error: Error) => sendJson(response, 500, { error: [{ message: error.message }] }));
  });

  constructor(private readonly options: FakeWeaviateOptions = {}) {}

  get url(): string {
    return this.http.url;
  }

  listen(): Promise<void> {
    return this.http.listen();
  }

  schemaOf(className: string): ClassDefinition | undefined {
    const found = this.classes.get(className);
    return found && structuredClone(found);
  }

  objectsOf(className: string): StoredObject[] {
    return structuredClone(this.objects.all(className));
  }

  failNext(method: string, path: string, status: number, count = 1): void {
    this.failures.push({ method, path, status, count });
  }

  reset(): void {
    this.requests.length = 0;
    this.failures.length = 0;
    this.classes = new ClassRegistry();
    this.objects = new ObjectStore(this.classes);
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const text = await readBody(request);
    const body = text ? parseJson(text) : undefined;
    const method = request.method ?? 'GET';
    const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    const recorded: RecordedWeaviateRequest = { method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers, body };
    if (url.pathname === '/v1/graphql' && body && typeof (body as { query?: unknown }).query === 'string') recorded.graphql = (body as { query: string }).query;
    this.requests.push(recorded);

    if (!url.pathname.startsWith('/v1/.well-known/')) {
      const refusal = this.authRefusal(request.headers.authorization);
      if (refusal) return sendJson(response, 401, { code: 401, message: refusal });
    }
    const failure = this.failures.find((f) => f.method === method && f.path === url.pathname && f.count > 0);
    if (failure) {
      failure.count--;
      return sendJson(response, failure.status, { error: [{ message: `injected failure ${failure.status}` }] });
    }
    if (text && body === undefined) return sendJson(response, 400, { code: 400, message: 'parsing body body from "" failed, because invalid character' });
    try {
      await this.route(method, url, body, response);
    } catch (error) {
      if (error instanceof WeaviateRequestError) return sendJson(response, error.status, { error: [{ message: error.message }] });
      if (error instanceof InvalidFilterError) return sendJson(response, 422, { error: [{ message: error.message }] });
      throw error;
    }
  }

  private async route(method: string, url: URL, body: unknown, response: ServerResponse): Promise<void> {
    const path = url.pathname;
    const segments = path.split('/').filter(Boolean);
    const route = `${method} ${path}`;
    if (route === 'GET /v1/.well-known/ready' || route === 'GET /v1/.well-known/live') return sendEmpty(response, 200);
    if (route === 'GET /v1/meta') return sendJson(response, 200, { hostname: 'http://[::]:8080', version: this.options.version ?? '1.25.0', modules: {} });
    if (route === 'GET /v1/schema') return sendJson(response, 200, { classes: this.classes.list() });
    if (route === 'POST /v1/schema') return sendJson(response, 200, this.classes.create(body));
    if (route === 'POST /v1/graphql') return this.graphql(body, response);
    if (route === 'POST /v1/batch/objects') return sendJson(response, 200, this.batchObjects(body));
    if (route === 'DELETE /v1/batch/objects') return sendJson(response, 200, this.batchDelete(body));

    if (segments[1] === 'schema' && segments.length === 3) {
      if (method === 'GET') {
        const found = this.classes.get(segments[2]);
        return found ? sendJson(response, 200, found) : sendEmpty(response, 404);
      }
      if (method === 'DELETE') {
        this.classes.delete(segments[2]);
        this.objects.dropClass(segments[2]);
        return sendEmpty(response, 200);
      }
    }
    if (route === `POST /v1/schema/${segments[2]}/properties` && segments.length === 4) {
      return sendJson(response, 200, this.classes.addProperty(segments[2], body));
    }
    if (segments[1] === 'objects' && segments.length === 4) {
      const [, , className, id] = segments;
      const found = this.objects.get(className, id);
      if (method === 'GET') {
        if (!found) return sendEmpty(response, 404);
        const withVector = (url.searchParams.get('include') ?? '').split(',').includes('vector');
        const { vector, ...rest } = found;
        return sendJson(response, 200, withVector ? { ...rest, vector } : rest);
      }
      if (method === 'DELETE') return sendEmpty(response, this.objects.delete(className, id) ? 204 : 404);
    }
    return sendJson(response, 404, { error: [{ message: `${method} ${path} is not served by this fake` }] });
  }

  private graphql(body: unknown, response: ServerResponse): void {
    const query = (body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string') return sendJson(response, 422, { error: [{ message: 'body needs a "query" string' }] });
    sendJson(response, 200, executeGraphql(query, this.classes, this.objects));
  }

  /** 200 with one result per object, failures included: the caller must read each `result`. */
  private batchObjects(body: unknown): unknown[] {
    const objects = (body as { objects?: unknown[] } | undefined)?.objects;
    if (!Array.isArray(objects)) throw new WeaviateRequestError(422, 'body needs an "objects" array');
    return objects.map((input) => {
      try {
        const stored = this.objects.put(input);
        return { ...stored, result: { status: 'SUCCESS' } };
      } catch (error) {
        if (!(error instanceof WeaviateRequestError)) throw error;
        return { ...(input as object), result: { status: 'FAILED', errors: { error: [{ message: error.message }] } } };
      }
    });
  }

  private batchDelete(body: unknown): unknown {
    const request = (body ?? {}) as { match?: { class?: string; where?: WhereFilter }; output?: string; dryRun?: boolean };
    const className = request.match?.class;
    if (!className) throw new WeaviateRequestError(422, 'validate: class name must be set');
    const schema = this.classes.require(className);
    if (!request.match?.where) throw new WeaviateRequestError(422, 'validate: filter must be set');
    const matches = this.objects.all(className).filter(whereMatcher(schema, request.match.where));
    const deleted = matches.slice(0, BATCH_DELETE_LIMIT);
    if (!request.dryRun) for (const object of deleted) this.objects.delete(className, object.id);
    const output = request.output ?? 'minimal';
    return {
      match: request.match,
      output,
      dryRun: request.dryRun ?? false,
      results: {
        matches: matches.length,
        limit: BATCH_DELETE_LIMIT,
        successful: request.dryRun ? 0 : deleted.length,
        failed: 0,
        objects: output === 'verbose' ? deleted.map((o) => ({ id: o.id, status: request.dryRun ? 'DRYRUN' : 'SUCCESS' })) : null,
      },
    };
  }

  private authRefusal(authorization: string | undefined): string | undefined {
    if (!this.options.apiKey) return undefined;
    if (!authorization) return 'anonymous access not enabled, please provide an auth scheme such as OIDC';
    if (authorization !== `Bearer ${this.options.apiKey}`) return 'invalid api key: unauthorized';
    return undefined;
  }
}

/** Starts a fake Weaviate on 127.0.0.1 at a random free port. */
export async function startFakeWeaviate(options?: FakeWeaviateOptions): Promise<FakeWeaviateServer> {
  const server = new FakeWeaviateServer(options);
  await server.listen();
  return server;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function sendEmpty(response: ServerResponse, status: number): void {
  response.writeHead(status);
  response.end();
}
