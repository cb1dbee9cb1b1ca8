import type { Extension, onChangePayload, onConfigurePayload } from '@hocuspocus/server';
import type { Metrics } from '../observability/Metrics.ts';

/**
 * Tells the Metrics service (server/observability/) of the live documents, for the connection and
 * board gauges, and of every change with its source. Never refuses anything.
 */
export class DocumentMetrics implements Extension {
  extensionName = 'DocumentMetrics';
  private readonly metrics: Metrics;

  constructor(metrics: Metrics) {
    this.metrics = metrics;
  }

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.metrics.watch(instance);
  }

  async onChange({ transactionOrigin }: onChangePayload): Promise<void> {
    const source = (transactionOrigin as { source?: unknown } | null)?.source;
    this.metrics.countChange(source === 'connection' || source === 'redis' ? source : 'server');
  }
}
