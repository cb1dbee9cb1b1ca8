import b2bSaas from './b2bSaas.json' with { type: 'json' };
import blank from './blank.json' with { type: 'json' };
import ecommerce from './ecommerce.json' with { type: 'json' };
import financialServices from './financialServices.json' with { type: 'json' };
import supportTicket from './supportTicket.json' with { type: 'json' };
import type { BoardTemplate } from './types.ts';

export type { BoardTemplate, TemplateConnector, TemplateKpi, TemplateNote } from './types.ts';

// The built-in templates are content, kept as data; templates.test.ts checks each against the
// schema a saved template must meet (boardTemplateSchema) and starts a board from it.
export const TEMPLATES: readonly BoardTemplate[] = [
  blank,
  ecommerce,
  b2bSaas,
  financialServices,
  supportTicket,
] as BoardTemplate[];
export const DEFAULT_TEMPLATE_ID = 'blank';

export function findTemplate(id: string): BoardTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
