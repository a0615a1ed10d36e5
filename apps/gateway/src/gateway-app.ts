import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, LOGGER, Logger } from '@support/platform';
import { HttpErrorFilter } from './errors/http-error.filter';
import { BODY_LIMIT_BYTES } from './errors/request-body.error';
import { refuseOversizedBody, translateBodyParserErrors } from './errors/request-body.middleware';
import { GatewayModule, GatewayOptions } from './gateway.module';
import { RequestDrain } from './shutdown/request-drain';

/** Builds the gateway as `npm start` runs it; tests build it the same way. */
export async function createGatewayApp(config: AppConfig, options: GatewayOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(config, options), {
    logger: ['error', 'warn'],
    // The body parsers are registered below, with explicit limits and their errors translated.
    bodyParser: false,
    abortOnError: false,
    // At shutdown, after the requests in flight were answered (RequestDrain), open connections (a chat page's event stream) are closed.
    forceCloseConnections: true,
  });
  const logger = app.get<Logger>(LOGGER);
  app.useGlobalFilters(new HttpErrorFilter(logger));
  app.use(app.get(RequestDrain).middleware);
  app.use(refuseOversizedBody);
  app.useBodyParser('json', { limit: BODY_LIMIT_BYTES });
  // Twilio's webhooks are forms; theirs are a few KB.
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT_BYTES, extended: true });
  app.use(translateBodyParserErrors);
  app.useStaticAssets(join(__dirname, 'web-chat', 'public'), { index: 'index.html' });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  return app;
}
