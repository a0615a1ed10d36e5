import { ProviderError } from '@support/platform';

/**
 * A typed error for a failed call through weaviate-ts-client. The SDK rejects REST calls with
 * `usage error (<status>): <body>`, GraphQL calls with graphql-request's ClientError (whose message
 * repeats the whole query, customer text included, so only Weaviate's own error message is kept) and
 * unreachable servers with fetch's TypeError.
 */
export function weaviateError(action: string, error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  const graphql = error as { response?: { status?: number; errors?: { message?: string }[] } };
  if (graphql?.response) {
    const status = graphql.response.status;
    const message = graphql.response.errors?.[0]?.message ?? 'GraphQL request failed';
    return new ProviderError('weaviate', `${action}: ${short(message)}`, status !== undefined && isRetryableStatus(status), error);
  }
  const message = error instanceof Error ? error.message : String(error);
  const usage = /^usage error \((\d{3})\): ([\s\S]*)$/.exec(message);
  if (usage) {
    const status = Number(usage[1]);
    return new ProviderError('weaviate', `${action}: HTTP ${status} ${short(restMessage(usage[2]))}`, isRetryableStatus(status), error);
  }
  const unreachable = error instanceof TypeError;
  return new ProviderError('weaviate', `${action}: ${short(unreachable ? `server unreachable (${message})` : message)}`, unreachable, error);
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** REST errors are `{"error":[{"message":…}]}` or `{"code":…,"message":…}`. */
function restMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: string }[]; message?: string };
    return parsed.error?.map((e) => e.message).join('; ') || parsed.message || body;
  } catch {
    return body;
  }
}

function short(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
