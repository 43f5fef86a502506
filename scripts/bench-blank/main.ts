/**
 * The benchmark's reference page: built by the same toolchain as the app (Vite, same target), it renders one line
 * of text from a module script, as the app renders from its own. Its first contentful paint is the floor the
 * overview's "charts drawn" time is compared with (see scripts/bench.mjs).
 */
const root = document.getElementById('root');
if (root) {
  const p = document.createElement('p');
  p.textContent = 'Trang trống — đối chứng benchmark.';
  root.append(p);
}
