import { STANDARD_LANES, type BoardTemplate } from './types.ts';

export const supportTicketTemplate: BoardTemplate = {
  id: 'support-ticket',
  name: 'Customer support ticket',
  description: 'From a problem noticed to the follow-up survey: help pages, chatbot, hold time.',
  stages: ['Problem', 'Self-service', 'Contact', 'Resolution', 'Follow-up'],
  lanes: STANDARD_LANES,
  personas: [
    { name: 'Lena Novak', role: 'Small-business owner', goals: 'Fix a billing mistake in one contact', needs: 'A human when the bot can’t help', frustrations: 'Repeating the problem to every channel', quote: 'I don’t have an afternoon for this.' },
    { name: 'Marcus Hale', role: 'IT admin at a 40-person firm', goals: 'Get a clear answer he can forward to finance', needs: 'A ticket number, written steps, status updates', frustrations: 'Chatbots that hide the contact form', quote: 'Just tell me what you changed and when.' },
  ],
  kpis: [
    { stage: 1, metric: 'Self-service resolution', unit: '%', value: 34, target: 45, previous: 29 },
    { stage: 2, metric: 'Wait time', unit: 'min', direction: 'lower', value: 14, target: 5, previous: 11 },
    { stage: 2, metric: 'CES', value: 5.2, target: 3.5, previous: 5.2 },
    { stage: 3, metric: 'First-contact resolution', unit: '%', value: 71, target: 75, previous: 68 },
    { stage: 4, metric: 'CSAT', value: 3.9, target: 4.2, previous: 3.7 },
  ],
  notes: [
    { stage: 0, lane: 'action', text: 'Notices the invoice shows the wrong plan', department: 'support' },
    { stage: 0, lane: 'emotion', text: 'Worried about being overcharged', department: 'support', sentiment: -1, personas: [0] },
    { stage: 1, lane: 'touchpoint', text: 'Help centre search', department: 'product' },
    { stage: 1, lane: 'pain', text: 'Articles describe the old billing page', department: 'product', personas: [0] },
    { stage: 1, lane: 'touchpoint', text: 'Chatbot', department: 'support' },
    { stage: 1, lane: 'pain', text: 'Chatbot loops back to the same three answers', department: 'support', personas: [0] },
    { stage: 1, lane: 'emotion', text: 'Frustrated: “let me talk to a human”', department: 'support', sentiment: -2, personas: [0] },
    { stage: 2, lane: 'touchpoint', text: 'Phone queue', department: 'support' },
    { stage: 2, lane: 'thought', text: 'How long will this take?', department: 'support', personas: [0] },
    { stage: 2, lane: 'emotion', text: 'Calm once he gets a ticket number', department: 'support', sentiment: 1, personas: [1] },
    { stage: 2, lane: 'idea', text: 'Show position in queue and offer a call-back', department: 'support' },
    { stage: 3, lane: 'touchpoint', text: 'Agent fixes the plan and refunds the difference', department: 'support' },
    { stage: 3, lane: 'emotion', text: 'Relieved and a bit impressed', department: 'support', sentiment: 1, personas: [0] },
    { stage: 4, lane: 'touchpoint', text: 'CSAT survey e-mail', department: 'marketing' },
    { stage: 4, lane: 'pain', text: 'Survey arrives before the refund shows', department: 'marketing', personas: [0] },
    { stage: 4, lane: 'idea', text: 'Send the survey after the refund clears', department: 'product' },
  ],
};
