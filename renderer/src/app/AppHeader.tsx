/** The header: the app's name and the screens, the current one marked for screen readers too. */
import { routeHref, type Route } from './route';

const screens: { route: Route; label: string }[] = [
  { route: { screen: 'queue' }, label: 'Queue' },
  { route: { screen: 'targets' }, label: 'Targets' },
  { route: { screen: 'settings' }, label: 'Settings' },
];

export function AppHeader({ route }: { route: Route }) {
  return (
    <header className="app-header">
      <h1>Ferry</h1>
      <nav aria-label="Screens">
        <ul className="app-nav">
          {screens.map(({ route: to, label }) => {
            const current = to.screen === route.screen || (to.screen === 'queue' && route.screen === 'video');
            return (
              <li key={label}>
                <a href={routeHref(to)} aria-current={current ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
    </header>
  );
}
