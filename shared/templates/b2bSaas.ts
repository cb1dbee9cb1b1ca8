import { STANDARD_LANES, type BoardTemplate } from './types.ts';

export const b2bSaasTemplate: BoardTemplate = {
  id: 'b2b-saas-onboarding',
  name: 'B2B SaaS onboarding',
  description: 'Demo request to renewal: security reviews, first value and support.',
  stages: ['Discover', 'Evaluate', 'Buy', 'Onboard', 'Renew & expand'],
  lanes: STANDARD_LANES,
  notes: [
    { stage: 0, lane: 'touchpoint', text: 'Webinar on workflow automation', department: 'marketing' },
    { stage: 0, lane: 'action', text: 'Requests a demo from the pricing page', department: 'marketing' },
    { stage: 0, lane: 'emotion', text: 'Hopeful it solves the spreadsheet mess', department: 'marketing', sentiment: 1 },
    { stage: 1, lane: 'touchpoint', text: 'Sales call with solutions engineer', department: 'sales' },
    { stage: 1, lane: 'action', text: 'Starts a 14-day trial with two colleagues', department: 'sales' },
    { stage: 1, lane: 'pain', text: 'Trial data cannot be imported from CSV', department: 'product' },
    { stage: 1, lane: 'emotion', text: 'Frustrated by empty trial workspace', department: 'product', sentiment: -1 },
    { stage: 2, lane: 'pain', text: 'Security questionnaire takes three weeks', department: 'sales' },
    { stage: 2, lane: 'emotion', text: 'Worried the project will stall', department: 'sales', sentiment: -2 },
    { stage: 2, lane: 'idea', text: 'Publish a trust centre with SOC 2 report', department: 'sales' },
    { stage: 3, lane: 'touchpoint', text: 'Kickoff call and onboarding checklist', department: 'support' },
    { stage: 3, lane: 'thought', text: 'When will my team see first value?', department: 'support' },
    { stage: 3, lane: 'pain', text: 'SSO setup needs a support ticket', department: 'support' },
    { stage: 3, lane: 'idea', text: 'Self-serve SSO wizard', department: 'product' },
    { stage: 4, lane: 'touchpoint', text: 'Quarterly business review', department: 'sales' },
    { stage: 4, lane: 'emotion', text: 'Confident after usage report', department: 'sales', sentiment: 2 },
    { stage: 4, lane: 'action', text: 'Refers a partner company', department: 'marketing' },
  ],
};
