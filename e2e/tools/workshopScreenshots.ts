/**
 * Review shots of a live workshop with every feature on one board: `node e2e/tools/workshopScreenshots.ts`
 * (needs `npm run build:test`). A facilitator and a participant: a round voted and revealed,
 * a comment thread, the timer running, the participant panel during a second round.
 */
import { resolve } from 'node:path';
import { CommentsObject } from '../CommentsObject.ts';
import { VotingObject } from '../VotingObject.ts';
import { REVIEW_DIR, reviewPerson, withReviewBoard } from './reviewBoard.ts';

await withReviewBoard(async ({ browser, server, boardId }) => {
  const fay = await reviewPerson(browser, server, 'Fay Flint', { department: 'marketing' });
  const ann = await reviewPerson(browser, server, 'Ann Lee');
  await fay.open(boardId);
  await ann.open(boardId, 'editor');
  const notes = (await ann.board()).notes;
  const pains = notes.filter((n) => n.kind === 'pain');
  const annVote = new VotingObject(ann);
  await new VotingObject(fay).start({ title: 'What do we fix first?', dots: 3, facilitatorVotes: false });
  await annVote.clickNote(pains[0]!.id);
  await annVote.clickNote(pains[0]!.id);
  await annVote.clickNote(pains[1]!.id);
  await ann.page.screenshot({ path: resolve(REVIEW_DIR, 'workshop-voting-participant.png') });
  await fay.page.getByTestId('reveal-votes').click();
  const comments = new CommentsObject(ann);
  await comments.openOnNote(pains[0]!.id);
  await comments.startThread('Support hears this every week @Fay');
  await ann.page.screenshot({ path: resolve(REVIEW_DIR, 'workshop-comment-popover.png') });
  await ann.page.keyboard.press('Escape');
  await fay.page.getByTestId('facilitate-button').click();
  await fay.page.getByTestId('timer-preset-3').click();
  await fay.page.getByTestId('timer-start').click();
  await fay.page.keyboard.press('Escape');
  await ann.page.getByTestId('timer-chip').waitFor();
  await fay.page.screenshot({ path: resolve(REVIEW_DIR, 'workshop-revealed-facilitator.png') });
  await ann.page.screenshot({ path: resolve(REVIEW_DIR, 'workshop-revealed-participant.png') });
  console.log(`review shots in ${REVIEW_DIR}`);
});
