/** What the queue shows with nothing in it: how to put something in. */
export function EmptyState({ filtered }: { filtered: boolean }) {
  if (filtered)
    return (
      <section className="empty" aria-label="No matching videos">
        <h2>No videos match</h2>
        <p>Try another tab or clear the search.</p>
      </section>
    );
  return (
    <section className="empty" aria-label="No videos yet">
      <h2>No videos yet</h2>
      <p>
        Drop video files or folders on this window, or paste links (Ctrl/Cmd+V), and they appear here with their
        progress.
      </p>
      <p>A list of links (.txt, .csv, .json) imports the same way: drop it, or choose Import list… under Add videos.</p>
    </section>
  );
}
