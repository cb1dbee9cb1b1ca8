import { STANDARD_LANES, type BoardTemplate } from './types.ts';

export const financialServicesTemplate: BoardTemplate = {
  id: 'financial-account-opening',
  name: 'Financial services account opening',
  description: 'Comparing banks to first use: identity checks, waiting and advice.',
  stages: ['Compare', 'Apply', 'Verify', 'First use', 'Stay'],
  lanes: STANDARD_LANES,
  personas: [
    { name: 'Amira Haddad', role: 'Young professional opening a first savings account', goals: 'A better rate without paperwork', needs: 'Fast mobile onboarding, clear status', frustrations: 'Silence while waiting for approval', quote: 'Just tell me where my application is.' },
    { name: 'George Miller', role: 'Retiree moving his savings', goals: 'Safety and a person to talk to', needs: 'Reassurance, phone support, plain language', frustrations: 'Hold times and jargon', quote: 'I want to know who I’m trusting.' },
  ],
  kpis: [
    { stage: 0, metric: 'Conversion', value: 5.2, target: 6, previous: 4.8 },
    { stage: 1, metric: 'Application drop-off', unit: '%', direction: 'lower', value: 38, target: 25, previous: 41 },
    { stage: 2, metric: 'Days to approve', unit: 'days', direction: 'lower', value: 4.5, target: 2, previous: 5 },
    { stage: 3, metric: 'CSAT', value: 4.3, target: 4.2, previous: 4.1 },
    { stage: 4, metric: 'NPS', value: 12, target: 25, previous: 15 },
  ],
  notes: [
    { stage: 0, lane: 'touchpoint', text: 'Comparison site listing of savings rates', department: 'marketing' },
    { stage: 0, lane: 'thought', text: 'Is my money safe with a bank I don’t know?', department: 'marketing' },
    { stage: 0, lane: 'emotion', text: 'Cautious but curious about the rate', department: 'marketing', sentiment: 0, personas: [0] },
    { stage: 1, lane: 'touchpoint', text: 'Online application form (mobile)', department: 'product' },
    { stage: 1, lane: 'pain', text: 'Form times out and loses answers after 10 minutes', department: 'product', personas: [0] },
    { stage: 1, lane: 'emotion', text: 'Irritated at retyping everything', department: 'product', sentiment: -2, personas: [1] },
    { stage: 2, lane: 'action', text: 'Uploads passport photo and selfie', department: 'support' },
    { stage: 2, lane: 'pain', text: 'Waits three days for approval with no status', department: 'support', personas: [0] },
    { stage: 2, lane: 'emotion', text: 'Anxious: “did it work?”', department: 'support', sentiment: -1, personas: [0] },
    { stage: 2, lane: 'idea', text: 'Status tracker with an expected decision time', department: 'product' },
    { stage: 3, lane: 'touchpoint', text: 'Welcome call from a personal adviser', department: 'sales' },
    { stage: 3, lane: 'emotion', text: 'Reassured by a real person', department: 'sales', sentiment: 2, personas: [1] },
    { stage: 4, lane: 'touchpoint', text: 'Support line for card issues', department: 'support' },
    { stage: 4, lane: 'pain', text: 'Hold time over 20 minutes on Mondays', department: 'support', personas: [0] },
    { stage: 4, lane: 'idea', text: 'Call-back slot instead of waiting on hold', department: 'support' },
    { stage: 4, lane: 'emotion', text: 'Loyal while the rate stays competitive', department: 'sales', sentiment: 1, personas: [0] },
  ],
};
