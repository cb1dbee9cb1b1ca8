import { STANDARD_LANES, type BoardTemplate } from './types.ts';

export const blankTemplate: BoardTemplate = {
  id: 'blank',
  name: 'Blank journey',
  description: 'Five classic stages and six lanes, ready for your team’s notes.',
  stages: ['Awareness', 'Consideration', 'Decision', 'Retention', 'Advocacy'],
  lanes: STANDARD_LANES,
  notes: [],
};
