import type { BoardRecordsResponse, RoundsResponse } from '../../shared/protocol/boardApi.ts';

/** The board API's example answers in the OpenAPI document (openapi.test.ts checks them against their schemas). */
export const RECORDS_EXAMPLE: BoardRecordsResponse = {
  id: 'k3j9x0a1b2c3',
  title: 'Checkout journey',
  schemaVersion: 12,
  createdAt: 1767225600000,
  stages: [{ id: 'stage:0123456789ab', name: 'Buy', description: 'From basket to paid' }],
  lanes: [{ id: 'lane:0123456789ab', name: 'Pains', kind: 'pain' }],
  notes: [
    {
      id: 'note:k3j9x0a1b2c3d4e5',
      stageId: 'stage:0123456789ab',
      laneId: 'lane:0123456789ab',
      kind: 'pain',
      text: 'Delivery fee shown too late',
      colour: null,
      sentiment: null,
      department: 'support',
      authorName: 'Ann',
      createdAt: 1767225900000,
      updatedAt: 1767226000000,
      personaIds: [],
      action: { owner: 'Bo', status: 'open', due: '2026-02-01' },
    },
  ],
};

export const ROUNDS_EXAMPLE: RoundsResponse = {
  rounds: [
    {
      id: 'round:0123456789ab',
      title: 'Biggest pains',
      openedAt: 1767226800000,
      revealedAt: 1767227400000,
      dotsPerPerson: 3,
      anonymous: true,
      voterCount: 8,
      results: [
        {
          noteId: 'note:k3j9x0a1b2c3d4e5',
          dots: 6,
          text: 'Delivery fee shown too late',
          stageId: 'stage:0123456789ab',
          laneId: 'lane:0123456789ab',
        },
      ],
    },
  ],
};
