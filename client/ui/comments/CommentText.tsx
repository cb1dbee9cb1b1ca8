import { textRuns, type Comment, type Person } from '../../../shared/comments/index.ts';

/**
 * A comment's text: plain text with its line breaks (CSS pre-wrap), links made clickable, and
 * mentions highlighted. Every run becomes a React text node or element: never HTML, so nothing
 * a comment contains can become markup or script.
 */
export function CommentText({ comment, people, meId }: { comment: Comment; people: readonly Person[]; meId: string }) {
  const mentioned = people.filter((p) => comment.mentions.includes(p.id));
  return (
    <p className="comment-text" data-testid="comment-text">
      {textRuns(comment.text, mentioned).map((run, i) => {
        if (run.kind === 'link')
          return (
            <a key={i} href={run.href} target="_blank" rel="noopener noreferrer">
              {run.text}
            </a>
          );
        if (run.kind === 'mention')
          return (
            <span
              key={i}
              className={run.personId === meId ? 'mention mention-me' : 'mention'}
              data-testid={run.personId === meId ? 'mention-me' : 'mention'}
            >
              {run.text}
            </span>
          );
        return <span key={i}>{run.text}</span>;
      })}
    </p>
  );
}
