import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('starts with no variables at all: embedded database, embedded engine, port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, database: { url: undefined, dataDir: './data' }, anthropic: undefined, publicBaseUrl: 'http://localhost:3000' });
  });

  it('names every malformed variable at once, without echoing secret values', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', ANTHROPIC_BASE_URL: 'not a url', ANTHROPIC_API_KEY: 'sk-secret-value' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.message).toMatch(/PORT/);
    expect(error!.message).toMatch(/DATABASE_URL/);
    expect(error!.message).toMatch(/ANTHROPIC_BASE_URL/);
    expect(error!.message).not.toContain('sk-secret-value');
  });

  it('turns on Claude when a key is set, honouring the base URL and model names', () => {
    const config = loadConfig({ ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: 'http://127.0.0.1:4030', ANTHROPIC_MODEL_MAIN: 'claude-sonnet-5' });
    expect(config.anthropic).toMatchObject({ apiKey: 'k', baseUrl: 'http://127.0.0.1:4030', mainModel: 'claude-sonnet-5', smallModel: 'claude-haiku-4-5' });
  });

  it('treats an empty line in .env as unset', () => {
    expect(loadConfig({ ANTHROPIC_API_KEY: '', PORT: '' }).anthropic).toBeUndefined();
  });
});
