import type { NextFunction, Request, Response } from 'express';
import { BODY_LIMIT_BYTES, bodyTooLarge, fromBodyParserError } from './request-body.error';

/** Refuses a body declared larger than the limit before anything reads it, whatever its content type. */
export function refuseOversizedBody(req: Request, _res: Response, next: NextFunction): void {
  const length = Number(req.headers['content-length']);
  next(length > BODY_LIMIT_BYTES ? bodyTooLarge() : undefined);
}

/**
 * Runs right after the body parsers: turns their errors into `RequestBodyError` before Nest sees
 * them (Nest would answer an unknown one with 500, and a JSON syntax error with a bare 400).
 */
export function translateBodyParserErrors(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  next(fromBodyParserError(error) ?? error);
}
