export function EmptyState() {
  return (
    <section className="empty" aria-label="No videos yet">
      <h2>No videos yet</h2>
      <p>Videos you add from files or links appear here, with their progress.</p>
    </section>
  );
}
