import { b2bSaasTemplate } from './b2bSaas.ts';
import { blankTemplate } from './blank.ts';
import { ecommerceTemplate } from './ecommerce.ts';
import { financialServicesTemplate } from './financialServices.ts';
import { supportTicketTemplate } from './supportTicket.ts';
import type { BoardTemplate } from './types.ts';

export type { BoardTemplate, TemplateConnector, TemplateKpi, TemplateNote } from './types.ts';

export const TEMPLATES: readonly BoardTemplate[] = [
  blankTemplate,
  ecommerceTemplate,
  b2bSaasTemplate,
  financialServicesTemplate,
  supportTicketTemplate,
];
export const DEFAULT_TEMPLATE_ID = blankTemplate.id;

export function findTemplate(id: string): BoardTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
