import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Leases } from '@support/conversation';
import { HelpCenterIngestor, ScheduledReindexer } from '@support/knowledge';
import { APP_CONFIG, LOGGER } from '@support/platform';
import type { AppConfig, Logger } from '@support/platform';
import { seedDemoShop } from './orders/demo-shop.seeder';
import { ShopRepository } from './orders/shop.repository';

/** Brings the order store and the help-center index up to date before the first customer arrives. */
@Injectable()
export class AgentStartup implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly shop: ShopRepository,
    private readonly ingestor: HelpCenterIngestor,
    private readonly reindexer: ScheduledReindexer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.orders.seedDemoShop && (await seedDemoShop(this.shop))) this.logger.info('demo shop seeded');
    const folder = resolve(this.config.knowledge.helpCenterDir);
    if (!existsSync(folder)) {
      throw new Error(`HELP_CENTER_DIR ${folder} does not exist: point it at your help-center folder (Markdown or JSONL articles).`);
    }
    // Several gateways and workers starting together index it once: the others wait for it, then skip.
    const leases = new Leases(this.config.redis);
    try {
      const indexedHere = await leases.once('help-center-index', async () => {
        const summary = await this.ingestor.ingest(folder);
        this.logger.info({ folder, ...summary, skipped: summary.skipped.length }, 'help center indexed');
        for (const skipped of summary.skipped) this.logger.warn(skipped, 'help-center file skipped');
      });
      if (!indexedHere) this.logger.info({ folder }, 'help center indexed by another process as this one started');
    } finally {
      leases.close();
    }
    this.reindexer.start();
  }
}
