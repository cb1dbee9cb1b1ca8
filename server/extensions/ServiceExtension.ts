import { ConfiguredExtension } from './ConfiguredExtension.ts';

/**
 * An extension that hands its hooks to one feature service. createServer.ts builds the service and
 * gives it to every extension that needs it, so the state lives in the service, never here.
 */
export abstract class ServiceExtension<Service> extends ConfiguredExtension<{ readonly service: Service }> {
  protected get service(): Service {
    return this.config.service;
  }
}
