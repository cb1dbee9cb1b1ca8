import type { Extension } from '@hocuspocus/server';

/**
 * An extension made from one configuration object, kept whole as `config` (as Hocuspocus's own
 * extensions keep theirs), so a setting is read where it is used, never copied into fields.
 */
export abstract class ConfiguredExtension<Config> implements Extension {
  abstract extensionName: string;
  protected readonly config: Config;

  constructor(config: Config) {
    this.config = config;
  }
}
