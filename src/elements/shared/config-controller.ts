import type { ReactiveController, ReactiveElement } from 'lit';
import { ContextConsumer } from '@lit/context';
import { barometreConfigContext, ensureContextRoot, type BarometreConfig } from './config-context.js';

/**
 * The configuration of the enclosing `<barometre-provider>`, kept up to date: the host updates
 * whenever the provider's settings change. Empty without a provider.
 */
export class ConfigController implements ReactiveController {
  private readonly consumer: ContextConsumer<typeof barometreConfigContext, ReactiveElement>;

  constructor(host: ReactiveElement) {
    // Added before the consumer, so the context root exists when the consumer asks for its provider.
    host.addController(this);
    this.consumer = new ContextConsumer(host, { context: barometreConfigContext, subscribe: true });
  }

  get value(): BarometreConfig {
    return this.consumer.value ?? {};
  }

  hostConnected(): void {
    ensureContextRoot();
  }
}
