// Every screen's path. The server serves index.html for each of them (src/web/web_ui.cpp).
export const routes: [string, string][] = [
  ['/', 'dashboard'],
  ['/login', 'login'],
  ['/meetings', 'meetings'],
  ['/meetings/:id', 'meeting'],
  ['/meetings/:id/:tab', 'meeting'],
  ['/actions', 'actions'],
  ['/audit', 'audit'],
  ['/admin/users', 'users'],
  ['/tokens', 'tokens'],
  ['/settings', 'settings'],
  ['/help', 'help'],
  ['/:register', 'list'],
  ['/:register/new', 'create'],
  ['/:register/:id', 'row'],
];
