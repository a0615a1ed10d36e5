import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '@support/platform';
import type { AppConfig } from '@support/platform';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCAL_ADMIN_TOKEN_FILE = 'workspace-admin.token';

export function localAdminTokenPath(dataDir: string): string {
  return join(dataDir, LOCAL_ADMIN_TOKEN_FILE);
}

/**
 * The embedded database serves one process, so while the product runs `npm run agents` cannot open it and asks the
 * running gateway instead. It proves it may by reading this file from DATA_DIR (owner-only, like the database
 * itself), written at start and removed at shutdown. With DATABASE_URL the command uses the database directly.
 */
@Injectable()
export class LocalAdminToken implements OnModuleInit, OnApplicationShutdown {
  private digest: Buffer | null = null;
  private file: string | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onModuleInit(): void {
    if (this.config.database.url) return;
    const token = randomBytes(32).toString('base64url');
    this.file = localAdminTokenPath(this.config.database.dataDir);
    writeFileSync(this.file, token, { mode: 0o600 });
    this.digest = sha256(token);
  }

  matches(presented: string | undefined): boolean {
    return !!this.digest && !!presented && timingSafeEqual(sha256(presented), this.digest);
  }

  onApplicationShutdown(): void {
    if (this.file) rmSync(this.file, { force: true });
  }
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
