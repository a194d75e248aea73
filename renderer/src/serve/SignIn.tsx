import { useState, type FormEvent } from 'react';

/** Asks for `ferry serve`'s token when the page was opened without it (or with a wrong one). */
export function SignIn({ refused, onSignIn }: { refused: boolean; onSignIn: (token: string) => void }) {
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) onSignIn(token.trim());
  };
  return (
    <main className="sign-in">
      <h1>Ferry</h1>
      <form onSubmit={submit} aria-label="Sign in">
        <label htmlFor="ferry-token">Token</label>
        <input
          id="ferry-token"
          type="password"
          autoComplete="current-password"
          value={token}
          onChange={(event) => setToken(event.target.value)}
          aria-describedby="ferry-token-help"
          autoFocus
        />
        <button type="submit">Sign in</button>
        {refused && (
          <p role="alert" className="error">
            That token is wrong. Use the one `ferry serve` printed, or the token file in its data directory.
          </p>
        )}
        <p id="ferry-token-help" className="muted">
          `ferry serve` prints a link that signs in by itself; the token is also in its data directory.
        </p>
      </form>
    </main>
  );
}
