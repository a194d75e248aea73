/** Delivery targets. */
export function TargetsScreen() {
  return (
    <main className="screen">
      <h2>Targets</h2>
    </main>
  );
}
