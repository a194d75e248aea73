/** A video's page. */
export function VideoScreen({ uid }: { uid: string }) {
  return (
    <main className="screen">
      <a href="#/">Back to the queue</a>
      <h2>Video {uid}</h2>
    </main>
  );
}
