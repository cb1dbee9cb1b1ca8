import { STANDARD_LANES, type BoardTemplate } from './types.ts';

export const b2bSaasTemplate: BoardTemplate = {
  id: 'b2b-saas-onboarding',
  name: 'B2B SaaS onboarding',
  description: 'Demo request to renewal: security reviews, first value and support.',
  stages: ['Discover', 'Evaluate', 'Buy', 'Onboard', 'Renew & expand'],
  lanes: STANDARD_LANES,
  personas: [
    { name: 'Priya Shah', role: 'Operations lead, buyer', goals: 'Replace spreadsheets with one workflow tool this quarter', needs: 'A trial with her own data, a clear security story', frustrations: 'Long procurement and security reviews', quote: 'Show me value in week one, or I lose my budget.' },
    { name: 'Daniel Berg', role: 'IT administrator', goals: 'Roll out safely without extra tickets', needs: 'SSO, audit logs, predictable admin tasks', frustrations: 'Setup steps that need vendor support', quote: 'Every manual step is a future incident.' },
  ],
  notes: [
    { stage: 0, lane: 'touchpoint', text: 'Webinar on workflow automation', department: 'marketing' },
    { stage: 0, lane: 'action', text: 'Requests a demo from the pricing page', department: 'marketing' },
    { stage: 0, lane: 'emotion', text: 'Hopeful it solves the spreadsheet mess', department: 'marketing', sentiment: 1, personas: [0] },
    { stage: 1, lane: 'touchpoint', text: 'Sales call with solutions engineer', department: 'sales' },
    { stage: 1, lane: 'action', text: 'Starts a 14-day trial with two colleagues', department: 'sales' },
    { stage: 1, lane: 'pain', text: 'Trial data cannot be imported from CSV', department: 'product', personas: [0] },
    { stage: 1, lane: 'emotion', text: 'Frustrated by empty trial workspace', department: 'product', sentiment: -1, personas: [1] },
    { stage: 2, lane: 'pain', text: 'Security questionnaire takes three weeks', department: 'sales', personas: [0] },
    { stage: 2, lane: 'emotion', text: 'Worried the project will stall', department: 'sales', sentiment: -2, personas: [0] },
    { stage: 2, lane: 'idea', text: 'Publish a trust centre with SOC 2 report', department: 'sales' },
    { stage: 3, lane: 'touchpoint', text: 'Kickoff call and onboarding checklist', department: 'support' },
    { stage: 3, lane: 'thought', text: 'When will my team see first value?', department: 'support' },
    { stage: 3, lane: 'pain', text: 'SSO setup needs a support ticket', department: 'support', personas: [0] },
    { stage: 3, lane: 'idea', text: 'Self-serve SSO wizard', department: 'product' },
    { stage: 4, lane: 'touchpoint', text: 'Quarterly business review', department: 'sales' },
    { stage: 4, lane: 'emotion', text: 'Confident after usage report', department: 'sales', sentiment: 2, personas: [1] },
    { stage: 4, lane: 'action', text: 'Refers a partner company', department: 'marketing' },
  ],
};
