import { STANDARD_LANES, type BoardTemplate } from './types.ts';

export const ecommerceTemplate: BoardTemplate = {
  id: 'ecommerce',
  name: 'E-commerce purchase',
  description: 'From an ad to a repeat order: checkout friction, delivery and returns.',
  stages: ['Awareness', 'Consideration', 'Purchase', 'Delivery', 'Retention', 'Advocacy'],
  lanes: STANDARD_LANES,
  personas: [
    { name: 'Maya Chen', role: 'First-time buyer, 29', goals: 'Find boots that fit and arrive before her hiking trip', needs: 'Clear sizing, honest delivery dates, easy returns', frustrations: 'Surprise costs at checkout; printing return labels', quote: 'If I can’t see the total, I’m gone.' },
    { name: 'Tom Okafor', role: 'Loyal repeat customer, 45', goals: 'Reorder quickly and get rewarded for loyalty', needs: 'Saved details, order history, loyalty perks', frustrations: 'Having to re-enter everything on a new phone', quote: 'I just want it to remember me.' },
  ],
  notes: [
    { stage: 0, lane: 'touchpoint', text: 'Instagram ad for the spring collection', department: 'marketing' },
    { stage: 0, lane: 'touchpoint', text: 'Search result for “waterproof hiking boots”', department: 'marketing' },
    { stage: 0, lane: 'emotion', text: 'Curious: “these look nice”', department: 'marketing', sentiment: 1, personas: [0] },
    { stage: 1, lane: 'action', text: 'Reads reviews and compares two models', department: 'product' },
    { stage: 1, lane: 'thought', text: 'Will they fit? What if I need to return them?', department: 'support' },
    { stage: 1, lane: 'emotion', text: 'Unsure about sizing', department: 'product', sentiment: -1, personas: [1] },
    { stage: 1, lane: 'pain', text: 'Size guide hidden below the fold', department: 'product', personas: [0] },
    { stage: 2, lane: 'touchpoint', text: 'Checkout page', department: 'product' },
    { stage: 2, lane: 'pain', text: 'Shipping cost only shown at the last step', department: 'sales', personas: [0] },
    { stage: 2, lane: 'emotion', text: 'Annoyed by the surprise fee', department: 'sales', sentiment: -2, personas: [0] },
    { stage: 2, lane: 'idea', text: 'Show delivery cost on the product page', department: 'product' },
    { stage: 3, lane: 'touchpoint', text: 'Tracking e-mail and SMS', department: 'support' },
    { stage: 3, lane: 'emotion', text: 'Relieved when the parcel arrives early', department: 'support', sentiment: 2, personas: [1] },
    { stage: 4, lane: 'pain', text: 'Return label must be printed', department: 'support', personas: [0] },
    { stage: 4, lane: 'idea', text: 'QR-code returns at partner shops', department: 'support' },
    { stage: 4, lane: 'emotion', text: 'Okay with the product', department: 'support', sentiment: 0, personas: [0] },
    { stage: 5, lane: 'action', text: 'Posts a photo and tags the brand', department: 'marketing' },
    { stage: 5, lane: 'emotion', text: 'Proud of the purchase', department: 'marketing', sentiment: 1, personas: [1] },
    { stage: 5, lane: 'idea', text: 'Personalised recommendations after 30 days', department: 'marketing' },
  ],
};
