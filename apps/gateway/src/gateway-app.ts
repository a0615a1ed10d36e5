import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, LOGGER, Logger } from '@support/platform';
import { HttpErrorFilter } from './errors/http-error.filter';
import { GatewayModule, GatewayOptions } from './gateway.module';

/** Builds the gateway as `npm start` runs it; tests build it the same way. */
export async function createGatewayApp(config: AppConfig, options: GatewayOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(config, options), {
    logger: ['error', 'warn'],
    bodyParser: true,
    abortOnError: false,
  });
  const logger = app.get<Logger>(LOGGER);
  app.useGlobalFilters(new HttpErrorFilter(logger));
  app.useBodyParser('json', { limit: '64kb' });
  app.useStaticAssets(join(__dirname, 'web-chat', 'public'), { index: 'index.html' });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  return app;
}
