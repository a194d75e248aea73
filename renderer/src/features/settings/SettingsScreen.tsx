/** The settings. */
export function SettingsScreen() {
  return (
    <main className="screen">
      <h2>Settings</h2>
    </main>
  );
}
