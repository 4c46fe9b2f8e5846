// A small history-API router: the server answers every path that is not under /api with index.html, so
// /risks/12 can be bookmarked and reloaded. Links are plain <a href="/..."> elements; one click handler on the
// document turns same-origin clicks into pushState.

export interface Match {
  name: string;
  params: Record<string, string>;
}

interface RouteDef {
  name: string;
  parts: string[];
}

function compile(pattern: string, name: string): RouteDef {
  return { name, parts: pattern.split('/').filter(Boolean) };
}

export function matchPath(routes: [string, string][], path: string): Match | null {
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  for (const [pattern, name] of routes) {
    const route = compile(pattern, name);
    if (route.parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    route.parts.forEach((part, index) => {
      if (part.startsWith(':')) params[part.slice(1)] = segments[index];
      else if (part !== segments[index]) ok = false;
    });
    if (ok) return { name, params };
  }
  return null;
}

class Router {
  path = $state(typeof location === 'undefined' ? '/' : location.pathname);
  search = $state(typeof location === 'undefined' ? '' : location.search);

  get query(): URLSearchParams {
    return new URLSearchParams(this.search);
  }

  navigate(to: string, options: { replace?: boolean } = {}): void {
    const url = new URL(to, location.origin);
    if (url.pathname === this.path && url.search === this.search) return;
    if (options.replace) history.replaceState(null, '', url.pathname + url.search);
    else history.pushState(null, '', url.pathname + url.search);
    const pathChanged = url.pathname !== this.path;
    this.path = url.pathname;
    this.search = url.search;
    if (pathChanged && !options.replace) window.scrollTo(0, 0);
  }

  // Changes some query parameters of the current page, keeping the others (list filters, paging).
  setQuery(changes: Record<string, string | null>, options: { replace?: boolean } = { replace: true }): void {
    const next = this.query;
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    const text = next.toString();
    this.navigate(this.path + (text ? `?${text}` : ''), options);
  }

  start(): void {
    window.addEventListener('popstate', () => {
      this.path = location.pathname;
      this.search = location.search;
    });
    document.addEventListener('click', (event) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
        return;
      const anchor = (event.target as Element | null)?.closest?.('a');
      if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
      const href = anchor.getAttribute('href');
      if (!href || !href.startsWith('/') || href.startsWith('/api/') || href.startsWith('//')) return;
      event.preventDefault();
      this.navigate(href);
    });
  }
}

export const router = new Router();
