import { HttpException } from '@nestjs/common';

/** A request body the gateway will not read: too large, not parseable, or in a charset or encoding it does not speak. */
export class RequestBodyError extends HttpException {
  constructor(status: number, message: string) {
    super(message, status);
  }
}

export const BODY_LIMIT_BYTES = 64 * 1024;

export function bodyTooLarge(): RequestBodyError {
  return new RequestBodyError(413, `The request body is larger than the ${BODY_LIMIT_BYTES / 1024} KB this endpoint accepts.`);
}

/** body-parser's errors carry a `type` (see body-parser's README, "Errors"); what each means to the client. */
const BODY_PARSER_ERRORS: Record<string, () => RequestBodyError> = {
  'entity.too.large': bodyTooLarge,
  'parameters.too.many': () => new RequestBodyError(413, 'The form has more fields than this endpoint accepts.'),
  'entity.parse.failed': () => new RequestBodyError(400, 'The request body could not be parsed; check that it is valid JSON.'),
  'querystring.parse.rangeError': () => new RequestBodyError(400, 'The form is nested deeper than this endpoint accepts.'),
  'charset.unsupported': () => new RequestBodyError(415, 'The request body must be UTF-8.'),
  'encoding.unsupported': () => new RequestBodyError(415, 'The request body uses a Content-Encoding this endpoint does not accept.'),
  'request.aborted': () => new RequestBodyError(400, 'The request body ended before it was complete.'),
  'request.size.invalid': () => new RequestBodyError(400, 'The request body does not match its Content-Length.'),
};

/** The gateway's answer to an error body-parser raised, or null when it is not one of body-parser's. */
export function fromBodyParserError(error: unknown): RequestBodyError | null {
  const type = error && typeof error === 'object' ? (error as { type?: unknown }).type : undefined;
  return typeof type === 'string' && BODY_PARSER_ERRORS[type] ? BODY_PARSER_ERRORS[type]() : null;
}
