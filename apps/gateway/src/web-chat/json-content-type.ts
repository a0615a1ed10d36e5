import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';

/** The chat API reads JSON only; a form or plain text would otherwise arrive as an empty body. */
export function assertJsonRequest(req: Request): void {
  if (!req.is('application/json')) throw new UnsupportedMediaTypeException('Send the message as JSON, with Content-Type: application/json.');
}
