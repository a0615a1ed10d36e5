import { HttpException } from '@nestjs/common';
import { NotFoundError, ProviderError, RateLimitedError, ValidationError } from '@support/platform';
import { RequestBodyError } from './request-body.error';

/** The HTTP status and customer-safe message for an error; internals never reach the client. */
export function describeError(error: unknown): { status: number; message: string } {
  if (error instanceof ValidationError) return { status: 400, message: error.message };
  if (error instanceof NotFoundError) return { status: 404, message: error.message };
  if (error instanceof RateLimitedError) return { status: 429, message: error.message };
  if (error instanceof ProviderError) return { status: 503, message: 'Our assistant is not available right now. Please try again in a moment.' };
  if (error instanceof RequestBodyError) return { status: error.getStatus(), message: error.message };
  if (error instanceof HttpException) {
    // Nest's own 400s (a malformed path parameter, …) may carry internals in their message.
    const status = error.getStatus();
    return { status, message: status === 400 ? 'The request could not be read.' : error.message };
  }
  return { status: 500, message: 'Something went wrong on our side. Please try again.' };
}
