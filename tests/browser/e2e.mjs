// End-to-end test of the web UI in real headless Chromium (Debian's, driven by playwright-core) against the real
// `clause9 serve` on a free port with a fresh demo database (--scale 10). It walks the meeting cycle as people do:
// sign in, create a risk, plan a meeting, edit its agenda (keyboard and mouse; a change and a move refused because another
// person changed the item meanwhile), run it (attendance, a note, a decision, an action), follow it live from a second
// browser context (the view follows the chair; notes both wrote are merged, not overwritten), close it, approve the
// minutes, and find the action on the next meeting's agenda and in the tracker; then an auditor finds no edit
// controls, and an ended session sends the user back to the login screen.
// Any browser console error fails the test. It saves a screenshot of each main screen and prints where, and it
// measures (prints, never asserts) the time from login to a complete dashboard and the first load's transfer size.
//
// node tests/browser/e2e.mjs --binary build/src/clause9 --web web --out build/tests/browser
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, value, index, all) => (index % 2 === 0 ? [...pairs, [value.replace(/^--/, ''), all[index + 1]]] : pairs), []),
);
const binary = resolve(args.binary ?? 'build/src/clause9');
const webDir = resolve(args.web ?? 'web');
const outDir = resolve(args.out ?? 'build/tests/browser');
const chromiumPath = args.chromium ?? process.env.CLAUSE9_CHROMIUM ?? '/usr/bin/chromium';
const shots = join(outDir, 'screenshots');
if (!existsSync(chromiumPath)) {
  console.log(`skipped: no Chromium at ${chromiumPath} (apt-get install chromium, or set CLAUSE9_CHROMIUM)`);
  process.exit(77);
}
rmSync(shots, { recursive: true, force: true }); // no picture of an earlier run left behind
mkdirSync(shots, { recursive: true });

// playwright-core is a dev dependency of the UI; resolve it from there.
const { chromium } = createRequire(join(webDir, 'package.json'))('playwright-core');

const work = mkdtempSync(join(tmpdir(), 'clause9-e2e-'));
const db = join(work, 'e2e.db');
const results = [];
let currentPage = null;
let failures = 0;

function clause9(argv, input) {
  return execFileSync(binary, ['--db', db, ...argv], { input, encoding: 'utf8', env: { ...process.env } });
}

async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push(`ok   ${name} (${Date.now() - started} ms)`);
    console.log(`ok   ${name}`);
  } catch (error) {
    failures++;
    results.push(`FAIL ${name}: ${error.message}`);
    // What the page showed when it failed.
    if (currentPage) await currentPage.screenshot({ path: join(shots, 'failure.png'), fullPage: true }).catch(() => {});
    console.log(`FAIL ${name}\n${error.stack}`);
    error.reported = true;
    throw error;
  }
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

// The demo organisation, and one account per role. The chair is the demo's information security officer (the
// chair of the series), the member its minute taker.
clause9(['demo', '--scale', '10']);
const series = JSON.parse(clause9(['--json', 'series', 'list']));
const maintenance = series.find((one) => one.type === 'maintenance');
const accounts = {
  admin: { email: 'admin@e2e.example', password: 'admin-password-1', role: 'admin' },
  chair: { email: 'chair@e2e.example', password: 'chair-password-1', role: 'chair', person: maintenance.chair },
  member: { email: 'member@e2e.example', password: 'member-password-1', role: 'member', person: maintenance.minute_taker },
  auditor: { email: 'auditor@e2e.example', password: 'auditor-password-1', role: 'auditor' },
};
for (const [name, account] of Object.entries(accounts)) {
  const extra = account.person ? ['--person', String(account.person)] : [];
  clause9(['user', 'add', '--email', account.email, '--name', `E2E ${name}`, '--role', account.role, ...extra, '--password-stdin'], account.password + '\n');
}

// Another person at work at the same time: the admin, through the API with a token.
const otherToken = JSON.parse(clause9(['--json', 'token', 'create', '--user', accounts.admin.email, '--name', 'e2e other chair'])).token;

// The server on a free port: it prints the address it listens on.
const server = spawn(binary, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
let serverLog = '';
server.stderr.on('data', (chunk) => (serverLog += chunk));
const base = await new Promise((resolveBase, reject) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const match = /serving (http:\/\/\S+)/.exec(out);
    if (match) resolveBase(match[1].replace(/\/$/, ''));
  });
  server.on('exit', (code) => reject(new Error(`clause9 serve exited with ${code}: ${serverLog}`)));
  setTimeout(() => reject(new Error('clause9 serve did not start within 20 s')), 20000);
});


// Console errors fail the test, except those a step announces (an ended session's 401).
let expectedErrors = [];
const consoleErrors = [];
async function newPage(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (expectedErrors.some((pattern) => pattern.test(text))) return;
    consoleErrors.push(`${page.url()}: ${text}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: uncaught ${error.message}`));
  page.setDefaultTimeout(15000);
  return { context, page };
}

// What the other person does, as any API client would.
async function asOther(method, path, body, ifMatch) {
  const headers = { Authorization: `Bearer ${otherToken}`, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch !== undefined) headers['If-Match'] = `"${ifMatch}"`;
  const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

// The whole page, and for the long ones (a scale-10 agenda has some 80 items) also what the first screen shows.
async function shot(page, name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (height > 3000) await page.screenshot({ path: join(shots, `${name}-top.png`) });
}

async function signIn(page, who) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(accounts[who].email);
  await page.getByLabel('Password').fill(accounts[who].password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
}

async function signOut(page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to Clause9' }).waitFor();
}

const figures = {};
let exitCode = 0;
let browser = null;
try {
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      // playwright-core gives every launch a fresh, temporary --user-data-dir of its own.
    ],
  });

  // Speed, on a cold browser: what the first visit transfers, and how long from "Sign in" to a complete dashboard.
  await step('first load and login to a complete dashboard (measured); its heat map in one request', async () => {
    const { context, page } = await newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const responses = new Map();
    let transfer = 0;
    let scriptBytes = 0;
    let firstLoad = 0;
    let apiBytes = 0;
    const apiRequests = [];
    cdp.on('Network.requestWillBeSent', (event) => {
      if (event.request.url.includes('/api/')) apiRequests.push(new URL(event.request.url).pathname + new URL(event.request.url).search);
    });
    cdp.on('Network.responseReceived', (event) => responses.set(event.requestId, event.response));
    cdp.on('Network.loadingFinished', (event) => {
      const response = responses.get(event.requestId);
      transfer += event.encodedDataLength;
      if (response && /\.js($|\?)/.test(response.url)) scriptBytes += event.encodedDataLength;
      if (response && response.url.includes('/api/')) apiBytes += event.encodedDataLength;
    });
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Sign in to Clause9' }).waitFor();
    await page.waitForLoadState('networkidle');
    firstLoad = transfer;
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await page.getByLabel('Email').fill(accounts.chair.email);
    await page.getByLabel('Password').fill(accounts.chair.password);
    const before = transfer - apiBytes;
    const started = performance.now();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-dashboard-complete="yes"]').waitFor({ state: 'attached', timeout: 30000 });
    figures.loginToDashboardMs = Math.round(performance.now() - started);
    await page.waitForLoadState('networkidle');
    figures.firstLoadBytes = firstLoad;
    figures.scriptBytes = scriptBytes;
    figures.dashboardApiBytes = apiBytes;
    figures.assetsAfterLogin = transfer - apiBytes - before;
    await shot(page, 'dashboard');

    // The trend lines come with the KPI status in one request, not one request per KPI.
    const kpiRequests = apiRequests.filter((path) => path.startsWith('/api/v1/kpis'));
    check(kpiRequests.length === 1 && kpiRequests[0] === '/api/v1/kpis/status?history=12', `KPI requests: ${kpiRequests.join(', ')}`);
    check(!apiRequests.some((path) => path.includes('/measurements')), 'no measurements requested');
    // Each trend line is the KPI's history as the API gives it, oldest first.
    const status = (await (await page.request.get(`${base}/api/v1/kpis/status?history=12`)).json()).items;
    const shown = (value) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
    const withHistory = status.filter((kpi) => kpi.history.length > 0);
    check(withHistory.length > 0, 'the demo has KPIs with measurements');
    check((await page.locator('[data-panel="kpis"] svg[role="img"]').count()) === withHistory.length, 'a trend line for each KPI with measurements');
    for (const kpi of withHistory) {
      const label = `Trend of ${kpi.name}: ${kpi.history.map((measurement) => shown(measurement.value)).join(', ')}`;
      check((await page.getByRole('img', { name: label, exact: true }).count()) === 1, `no trend line "${label}"`);
    }

    // The heat map is one aggregate request, not the open risks page by page.
    const riskRequests = apiRequests.filter((path) => path.startsWith('/api/v1/risks'));
    check(riskRequests.length === 1 && riskRequests[0] === '/api/v1/risks/heatmap', `risk requests: ${riskRequests.join(', ')}`);
    // What it shows agrees with the register and the settings, asked separately.
    const openRisks = (await (await page.request.get(`${base}/api/v1/risks?open=true&limit=1`)).json()).total;
    const settings = await (await page.request.get(`${base}/api/v1/config`)).json();
    const size = settings['risk.matrix_size'];
    const summary = await page.locator('[data-heatmap-summary]').innerText();
    check(
      summary.startsWith(`${openRisks} open risks on the ${size}×${size} matrix; appetite ${settings['risk.appetite']} `),
      `heat map summary: ${summary}`,
    );
    for (const id of ['heat-inherent', 'heat-residual']) {
      const cells = page.locator(`#${id}-caption`).locator('xpath=..').locator('tbody td');
      check((await cells.count()) === size * size, `${id}: ${await cells.count()} cells`);
      // A cell's visible text is its count (empty for none); the rest is read aloud only.
      const counts = await cells.evaluateAll((tds) =>
        tds.map((td) => {
          const visible = td.cloneNode(true);
          visible.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
          return Number(visible.textContent.trim());
        }),
      );
      check(counts.reduce((sum, count) => sum + count, 0) === openRisks, `${id}: the cells hold ${counts.join(' ')}, not ${openRisks} risks`);
      // The top row is the highest likelihood, so its last cell is the top score; the bottom row's first is score 1.
      check(/\bcritical\b/.test(await cells.nth(size - 1).getAttribute('class')), `${id}: the top score is not critical`);
      check(/\blow\b/.test(await cells.nth(size * (size - 1)).getAttribute('class')), `${id}: score 1 is not low`);
    }
    // A tablet held upright.
    await page.setViewportSize({ width: 768, height: 1024 });
    await shot(page, 'dashboard-768');
    await context.close();
  });

  const { page } = await newPage();
  currentPage = page;
  await signIn(page, 'chair');

  const riskTitle = `E2E supplier breach ${Date.now()}`;
  let riskPath = '';
  await step('registers: list, sort, search and create a risk', async () => {
    await page.getByRole('navigation', { name: 'Registers' }).getByRole('link', { name: 'Risks' }).click();
    await page.getByRole('heading', { name: 'Risks', level: 1 }).waitFor();
    await page.getByRole('status').filter({ hasText: /of \d/ }).waitFor();
    await page.getByRole('button', { name: /^Title/ }).click();
    await page.waitForURL(/sort=title/);
    await shot(page, 'risks');
    await page.getByRole('link', { name: 'New risk' }).click();
    // The API's message appears next to the field it is about.
    await page.getByLabel(/^Title/).fill(riskTitle);
    await page.getByLabel(/^Likelihood/).fill('9');
    await page.getByLabel(/^Impact/).fill('4');
    expectedErrors = [/status of 422/]; // the browser logs the refused request itself
    await page.getByRole('button', { name: 'Create risk' }).click();
    await page.locator('#risks-likelihood-error').waitFor();
    expectedErrors = [];
    check((await page.locator('#risks-likelihood-error').textContent()).includes('between 1 and'), 'the likelihood error is shown at the field');
    await page.getByLabel(/^Likelihood/).fill('4');
    await page.getByRole('button', { name: 'Create risk' }).click();
    await page.getByRole('heading', { name: new RegExp(`^RSK-\\d+: ${riskTitle}`) }).waitFor();
    riskPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await shot(page, 'risk');
    await page.goto(`${base}/risks?q=${encodeURIComponent('E2E supplier')}`);
    await page.getByRole('link', { name: riskTitle }).waitFor();
  });

  let meetingId = '';
  await step('plan a meeting', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();
    await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
    await shot(page, 'meetings');
    await page.getByRole('listitem').filter({ hasText: maintenance.name }).getByRole('button', { name: 'Plan…' }).click();
    await page.getByRole('button', { name: 'Plan a meeting' }).click();
    await page.waitForURL(/\/meetings\/\d+\/agenda$/);
    meetingId = /\/meetings\/(\d+)\//.exec(page.url())[1];
    await page.getByRole('button', { name: 'Regenerate from registers' }).waitFor();
  });

  const itemTitles = async (section) =>
    page.locator(`section[aria-labelledby="section-${section}"] input[id^="title-"]`).evaluateAll((inputs) => inputs.map((input) => input.value));
  // Waits until the agenda's items (all sections) include a title, or no longer do.
  const agendaHas = (title, present = true) =>
    page.waitForFunction(
      ([wanted, yes]) => [...document.querySelectorAll('input[id^="title-"]')].some((input) => input.value === wanted) === yes,
      [title, present],
    );

  await step('edit the agenda: add, retime, reorder with keyboard and mouse, remove, regenerate', async () => {
    await page.getByLabel('Title', { exact: true }).last().waitFor();
    await page.locator('#new-item-title').fill('E2E: supplier review');
    await page.locator('#new-item-section').selectOption('other_business');
    await page.locator('#new-item-timebox').fill('7');
    await page.getByRole('button', { name: 'Add item' }).click();
    await agendaHas('E2E: supplier review');
    await page.locator('#new-item-title').fill('E2E: to be removed');
    await page.getByRole('button', { name: 'Add item' }).click();
    await agendaHas('E2E: to be removed');

    // Keyboard: pick the last item of "any other business" up, move it up, drop it.
    const before = await itemTitles('other_business');
    check(before.length >= 2, `any other business has ${before.length} items`);
    const last = before[before.length - 1];
    const handle = page.getByRole('button', { name: `Move ${last}`, exact: true });
    await handle.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    await page.waitForFunction(
      ([title, index]) => {
        const inputs = [...document.querySelectorAll('section[aria-labelledby="section-other_business"] input[id^="title-"]')];
        return inputs[index]?.value === title;
      },
      [last, before.length - 2],
    );

    // Mouse: drag the first item of the section by its handle onto the second.
    const order = await itemTitles('other_business');
    const items = page.locator('section[aria-labelledby="section-other_business"] li.item');
    await items.nth(0).locator('button.handle').dragTo(items.nth(1).locator('.number'));
    await page.waitForFunction(
      ([title]) => {
        const inputs = [...document.querySelectorAll('section[aria-labelledby="section-other_business"] input[id^="title-"]')];
        return inputs[1]?.value === title;
      },
      [order[0]],
    );

    // Presenter and timebox.
    const itemId = await page.locator('section[aria-labelledby="section-other_business"] li.item').first().getAttribute('data-item');
    await page.locator(`#timebox-${itemId}`).fill('12');
    await page.locator(`#timebox-${itemId}`).press('Tab');
    await page.waitForFunction((id) => document.querySelector(`#timebox-${id}`)?.value === '12', itemId);
    await page.locator(`#presenter-${itemId}`).selectOption(String(accounts.chair.person));
    await page.getByText(/: presenter changed\.$/).waitFor({ state: 'attached' });

    // Another person changes the same item after this page read it: the chair's change is refused (412), said so,
    // and the agenda shows the other person's change; the field has the stored title and the focus.
    const stored = (await asOther('GET', `/api/v1/meetings/${meetingId}/agenda`)).sections.flatMap((section) => section.items).find((item) => String(item.id) === itemId);
    await asOther('PATCH', `/api/v1/meetings/${meetingId}/agenda/items/${itemId}`, { timebox_minutes: 20 }, stored.version);
    const title = page.locator(`#title-${itemId}`);
    expectedErrors = [/status of 412/];
    await title.fill('E2E: renamed by the chair');
    await title.press('Tab');
    // Said at the item, where the chair is (a scale-10 agenda is long), and tied to the field.
    const alert = page.locator(`li[data-item="${itemId}"]`).getByRole('alert').filter({ hasText: `Another person changed item ${stored.number} ("${stored.title}")` });
    await alert.waitFor();
    expectedErrors = [];
    check((await title.getAttribute('aria-describedby')) === (await alert.getAttribute('id')), 'the message is tied to the title field');
    await page.waitForFunction((id) => document.querySelector(`#timebox-${id}`)?.value === '20', itemId);
    check((await title.inputValue()) === stored.title, `the title field shows ${await title.inputValue()}, not the stored ${stored.title}`);
    check(await title.evaluate((input) => input === document.activeElement), 'the refused field has the focus');
    await shot(page, 'agenda-conflict');
    // Made again on the agenda as it now is, the change is saved.
    await page.locator(`#timebox-${itemId}`).fill('15');
    await page.locator(`#timebox-${itemId}`).press('Tab');
    await page.getByText(/: timebox minutes changed\.$/).waitFor({ state: 'attached' });
    await alert.waitFor({ state: 'detached' });
    const after = (await asOther('GET', `/api/v1/meetings/${meetingId}/agenda`)).sections.flatMap((section) => section.items).find((item) => String(item.id) === itemId);
    check(after.timebox_minutes === 15 && after.title === stored.title, `stored: ${after.timebox_minutes} min, "${after.title}"`);

    // A move is refused the same way: another person changes the second item of the section, the chair moves it up
    // (a PATCH of its stored position with its version); said at the item, nothing moved, the focus on its handle.
    const agendaItem = async (id) =>
      (await asOther('GET', `/api/v1/meetings/${meetingId}/agenda`)).sections.flatMap((section) => section.items).find((item) => String(item.id) === id);
    const sectionIds = () => page.locator('section[aria-labelledby="section-other_business"] li.item').evaluateAll((rows) => rows.map((row) => row.dataset.item));
    const [firstId, movingId] = await sectionIds();
    const moving = await agendaItem(movingId);
    await asOther('PATCH', `/api/v1/meetings/${meetingId}/agenda/items/${movingId}`, { timebox_minutes: 4 }, moving.version);
    expectedErrors = [/status of 412/];
    await page.getByRole('button', { name: `Move ${moving.title} up`, exact: true }).click();
    const moveAlert = page.locator(`li[data-item="${movingId}"]`).getByRole('alert').filter({ hasText: `Another person changed item ${moving.number} ("${moving.title}") while you were moving it` });
    await moveAlert.waitFor();
    expectedErrors = [];
    await page.waitForFunction((id) => document.querySelector(`#timebox-${id}`)?.value === '4', movingId);
    check((await sectionIds()).slice(0, 2).join() === [firstId, movingId].join(), 'the refused move moved nothing');
    const movingHandle = page.locator(`#handle-${movingId}`);
    check(await movingHandle.evaluate((handle) => handle === document.activeElement), 'the item whose move was refused has the focus');
    check((await movingHandle.getAttribute('aria-describedby')).includes(await moveAlert.getAttribute('id')), 'the message is tied to the handle');
    await shot(page, 'agenda-move-conflict');
    // Moved again, it moves, and the server's order is the one shown.
    await page.getByRole('button', { name: `Move ${moving.title} up`, exact: true }).click();
    await page.getByText(`${moving.title} moved to position`).waitFor({ state: 'attached' });
    await moveAlert.waitFor({ state: 'detached' });
    check((await sectionIds()).slice(0, 2).join() === [movingId, firstId].join(), 'the item moved up');
    const storedOrder = (await asOther('GET', `/api/v1/meetings/${meetingId}/agenda`)).sections.find((section) => section.key === 'other_business').items.map((item) => String(item.id));
    check(storedOrder.join() === (await sectionIds()).join(), `the server has the order shown: ${storedOrder}`);

    // An item another person removed after this page read it: a change of it says so and the agenda is read again.
    const gone = await asOther('POST', `/api/v1/meetings/${meetingId}/agenda/items`, { title: 'E2E: removed by another', section: 'other_business' });
    await page.getByRole('button', { name: 'Regenerate from registers' }).click();
    await agendaHas('E2E: removed by another');
    await asOther('DELETE', `/api/v1/meetings/${meetingId}/agenda/items/${gone.id}`);
    expectedErrors = [/status of 412/];
    await page.locator(`#timebox-${gone.id}`).fill('3');
    await page.locator(`#timebox-${gone.id}`).press('Tab');
    await page.getByRole('alert').filter({ hasText: '("E2E: removed by another") was removed by another person' }).waitFor();
    expectedErrors = [];
    await agendaHas('E2E: removed by another', false);

    await page.getByRole('button', { name: 'Remove E2E: to be removed' }).click();
    await agendaHas('E2E: to be removed', false);

    await page.getByRole('button', { name: 'Regenerate from registers' }).click();
    await page.getByText('Agenda regenerated from the registers').waitFor({ state: 'attached' });
    check((await itemTitles('other_business')).includes('E2E: supplier review'), 'a manual item survives regeneration');
    await shot(page, 'agenda');
  });

  const actionTitle = `E2E follow up the supplier review ${Date.now()}`;
  let actionRef = '';
  await step('run the meeting: attendance, a note, a decision, an action', async () => {
    await page.getByRole('button', { name: 'Start meeting' }).click();
    await page.waitForURL(/\/meetings\/\d+\/run/);
    await page.locator(`#presence-${accounts.chair.person}`).selectOption('present');
    await page.waitForFunction((id) => document.querySelector(`#presence-${id}`)?.value === 'present', accounts.chair.person);
    await page.locator(`#presence-${accounts.member.person}`).selectOption('present');
    await page.waitForFunction((id) => document.querySelector(`#presence-${id}`)?.value === 'present', accounts.member.person);
    // Go to the item added by hand, with the keyboard.
    const jump = await page.locator('#jump-item option', { hasText: 'E2E: supplier review' }).getAttribute('value');
    await page.locator('#jump-item').selectOption(jump);
    await page.getByRole('heading', { name: /E2E: supplier review/, level: 2 }).waitFor();
    await page.getByRole('button', { name: '← Previous item' }).focus();
    await page.keyboard.press('p');
    await page.getByRole('heading', { name: /E2E: supplier review/, level: 2 }).waitFor({ state: 'detached' });
    await page.keyboard.press('n');
    await page.getByRole('heading', { name: /E2E: supplier review/, level: 2 }).waitFor();
    await page.getByLabel('Notes').fill('The supplier confirmed the fix.\nFollow-up audit planned.');
    await page.getByLabel('Outcome').selectOption('decision');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await page.getByText('Notes saved.').waitFor();
    await page.getByLabel('Decision', { exact: true }).fill('Keep the supplier under enhanced monitoring for six months.');
    await page.getByLabel('Rationale').fill('Two incidents in a quarter.');
    await page.locator('#decision-type').selectOption('improvement');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText(/DEC-\d+/).first().waitFor();
    // The owner: one whose open actions have an agenda item of their own (the agenda groups the owners with the
    // most open items, and counts the others in one item), so the new action is listed by reference next time.
    const agendaJson = await page.evaluate(async (id) => (await fetch(`/api/v1/meetings/${id}/agenda`)).json(), meetingId);
    const owner = agendaJson.sections.find((section) => section.key === 'actions')?.items.find((item) => item.presenter)?.presenter.id;
    await page.getByLabel('Action', { exact: true }).fill(actionTitle);
    await page.locator('#action-owner').selectOption(String(owner ?? accounts.member.person));
    await page.getByRole('button', { name: 'Record action item' }).click();
    const recorded = page.getByRole('listitem').filter({ hasText: actionTitle });
    await recorded.waitFor();
    actionRef = (await recorded.getByRole('link').first().textContent()).trim();
    await shot(page, 'run');
  });

  await step('two people in the room: the view follows the chair, and notes are merged, not overwritten', async () => {
    // The member (the series' minute taker) opens the same meeting in a browser of their own.
    const { context: memberContext, page: memberPage } = await newPage();
    try {
      await signIn(memberPage, 'member');
      await memberPage.goto(`${base}/meetings/${meetingId}/run`);
      await memberPage.getByText('Live', { exact: true }).waitFor();
      await page.getByText('Live', { exact: true }).waitFor();
      // The member's view goes where the chair goes, pushed by the server.
      await page.getByRole('button', { name: '← Previous item' }).click();
      const heading = (await page.locator('#current-item').textContent()).trim();
      check(!heading.includes('E2E: supplier review'), 'the chair did not move to the previous item');
      await memberPage.getByRole('heading', { name: heading, exact: true, level: 2 }).waitFor();

      // Both write notes on that item; the chair saves first. The member's typing stays, and the chair's text is
      // shown to merge.
      await memberPage.getByLabel('Notes').fill('Member: two racks were unlocked.');
      await page.getByLabel('Notes').fill('Chair: racks checked on Monday.');
      await page.getByRole('button', { name: 'Save notes' }).click();
      await page.getByText('Notes saved.').waitFor();
      const conflict = memberPage.getByRole('alert').filter({ hasText: 'Someone else saved notes for this item' });
      await conflict.waitFor();
      check((await conflict.getByLabel('Their notes').textContent()).includes('Chair: racks checked on Monday.'), "the conflict does not show the chair's notes");
      check((await memberPage.locator('#item-notes').inputValue()) === 'Member: two racks were unlocked.', "the member's typing was overwritten");
      await shot(memberPage, 'run-notes-conflict');
      await conflict.getByRole('button', { name: 'Merge: theirs, then mine' }).click();
      const merged = 'Chair: racks checked on Monday.\n\nMember: two racks were unlocked.';
      check((await memberPage.locator('#item-notes').inputValue()) === merged, 'the merge did not keep both texts');
      await memberPage.getByRole('button', { name: 'Save notes' }).click();
      await memberPage.getByText('Notes saved.').waitFor();
      // The chair's view, with nothing typed since saving, shows the merged notes without a reload.
      await page.waitForFunction((text) => document.querySelector('#item-notes')?.value === text, merged);
      const item = await asOther('GET', `/api/v1/meetings/${meetingId}/agenda`);
      const stored = item.sections.flatMap((section) => section.items).find((one) => one.title === heading.replace(/^\d+\.\s*/, ''));
      check(stored?.notes === merged, `the stored notes are ${JSON.stringify(stored?.notes)}`);

      // A decision the chair records appears in the member's view as it is recorded.
      await page.getByLabel('Decision', { exact: true }).fill('Lock the racks after every visit.');
      await page.getByRole('button', { name: 'Record decision' }).click();
      await memberPage.getByText('Lock the racks after every visit.').waitFor();
    } finally {
      await memberContext.close();
    }
  });

  await step('close the meeting and approve the minutes; download them', async () => {
    await page.getByRole('button', { name: 'Close meeting' }).click();
    await page.waitForURL(/\/minutes$/);
    await page.getByText('Draft: not approved.').waitFor();
    await page.getByRole('button', { name: 'Approve minutes' }).click();
    await page.getByText(/Approved by .* SHA-256 of the minutes/).waitFor();
    await page.getByText('Keep the supplier under enhanced monitoring').waitFor();
    await shot(page, 'minutes');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download Markdown' }).click()]);
    const markdown = readFileSync(await download.path(), 'utf8');
    check(markdown.includes('## Approval') && markdown.includes(actionTitle), 'the Markdown minutes are approved and list the action');
    const [ics] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /invitation/ }).click()]);
    check(readFileSync(await ics.path(), 'utf8').startsWith('BEGIN:VCALENDAR'), 'the invitation is iCalendar');
  });

  await step("the action is on the next meeting's agenda and in the tracker", async () => {
    await page.goto(`${base}/meeting-series/${maintenance.id}`);
    await page.getByRole('button', { name: 'Plan a meeting' }).click();
    await page.waitForURL(/\/meetings\/\d+\/agenda$/);
    check(/\/meetings\/(\d+)\//.exec(page.url())[1] !== meetingId, 'a new meeting was planned');
    // The open action is an item of the "action items" section, by its title or its reference.
    const actions = page.locator('section[aria-labelledby="section-actions"]');
    await actions.waitFor();
    const text = (await actions.textContent()) + (await itemTitles('actions')).join('\n');
    check(text.includes(actionTitle) || text.includes(actionRef), `${actionRef} is on the next agenda:\n${text}`);
    await shot(page, 'agenda-next');
    await page.goto(`${base}/actions?view=all&q=${encodeURIComponent('E2E follow up')}`);
    await page.getByRole('link', { name: actionTitle }).waitFor();
    await shot(page, 'actions');
  });

  await step("the tracker's counts by owner are the API's, in one request", async () => {
    const requests = [];
    const listen = (request) => request.url().includes('/api/v1/actions') && requests.push(new URL(request.url()).pathname + new URL(request.url()).search);
    page.on('request', listen);
    await page.getByRole('link', { name: 'By owner' }).click();
    const table = page.getByRole('table', { name: 'Open action items by owner' });
    await table.locator('tbody tr').first().waitFor();
    page.off('request', listen);
    check(requests.length === 1 && requests[0] === '/api/v1/actions/owners', `action requests: ${requests.join(', ')}`);
    const counts = (await (await page.request.get(`${base}/api/v1/actions/owners`)).json()).items;
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        owner: /f\.owner=(\d+)/.exec(tr.querySelector('th a')?.getAttribute('href') ?? '')?.[1] ?? null,
        name: tr.querySelector('th').textContent.trim(),
        open: Number(tr.cells[1].textContent),
        overdue: Number(tr.cells[2].textContent),
      })),
    );
    check(rows.length === counts.length, `${rows.length} rows for ${counts.length} owners`);
    rows.forEach((row, index) => {
      const want = counts[index];
      check(
        row.owner === (want.owner === null ? null : String(want.owner)) && row.open === want.open && row.overdue === want.overdue,
        `row ${index + 1}: ${JSON.stringify(row)}, the API: ${JSON.stringify(want)}`,
      );
      check(row.name && !/^PER-/.test(row.name), `row ${index + 1} names the owner: ${row.name}`);
    });
    // And the register agrees with the counts of the owner with the most overdue.
    const first = counts.find((entry) => entry.owner !== null);
    const total = async (filter) => (await (await page.request.get(`${base}/api/v1/actions?owner=${first.owner}&${filter}&limit=1`)).json()).total;
    check((await total('open=true')) === first.open && (await total('overdue=true')) === first.overdue, `the register disagrees for ${first.owner}`);
    await shot(page, 'actions-owners');
  });

  await step('admin screens: users, tokens and settings', async () => {
    await signOut(page);
    await signIn(page, 'admin');
    await page.goto(`${base}/admin/users`);
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    await page.getByRole('cell', { name: accounts.auditor.email }).waitFor();
    await shot(page, 'users');
    await page.goto(`${base}/tokens`);
    await page.getByLabel('Name of a new token').fill('e2e script');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByText('Copy it now').waitFor();
    // The settings: a refused value is shown at its field, and a saved appetite is the dashboard's.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    const appetite = page.getByLabel(/^Risk appetite/);
    await appetite.fill('26');
    expectedErrors = [/status of 422/];
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('[id="settings-risk.appetite-error"]').waitFor();
    expectedErrors = [];
    check((await appetite.getAttribute('aria-invalid')) === 'true', 'the refused appetite is marked invalid');
    await shot(page, 'settings');
    await appetite.fill('12');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.locator('[data-heatmap-summary]').filter({ hasText: /; appetite 12\s/ }).waitFor();
    await signOut(page);
  });

  await step('an auditor reads everything and can change nothing', async () => {
    await signIn(page, 'auditor');
    await page.goto(`${base}${riskPath}`);
    await page.getByRole('heading', { name: new RegExp(riskTitle) }).waitFor();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    check((await page.getByRole('button', { name: 'Edit' }).count()) === 0, 'no Edit button for an auditor');
    await page.goto(`${base}/risks`);
    check((await page.getByRole('link', { name: 'New risk' }).count()) === 0, 'no New button for an auditor');
    await page.goto(`${base}/meetings/${meetingId}/agenda`);
    await page.getByText(/items, /).first().waitFor();
    check((await page.getByRole('button', { name: /^Move / }).count()) === 0, 'no agenda editing for an auditor');
    await page.goto(`${base}/meetings/${meetingId}/run`);
    check((await page.getByRole('button', { name: 'Record decision' }).count()) === 0, 'no recording for an auditor');
    await page.goto(`${base}/audit`);
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    await page.getByRole('cell', { name: 'auditor@e2e.example' }).first().waitFor().catch(() => {});
    await shot(page, 'audit');
    await page.goto(`${base}/controls`);
    await page.getByRole('link', { name: '5.1', exact: true }).waitFor();
    await shot(page, 'controls');
    // The Statement of Applicability read the other way: a control's page names the risks it treats.
    await page.goto(`${base}/controls/8.13`);
    await page.getByRole('heading', { name: 'Named by' }).waitFor();
    check((await page.getByRole('link', { name: /^RSK-\d+$/ }).count()) > 0, 'control 8.13 lists the demo risks that name it');
    await page.goto(`${base}/settings`);
    check((await page.getByRole('row', { name: /Risk appetite/ }).textContent()).includes('12'), "the auditor reads the admin's appetite");
    check((await page.getByRole('textbox').count()) + (await page.getByRole('button', { name: 'Save settings' }).count()) === 0, 'no settings to change for an auditor');
  });

  await step('an ended session goes back to the login screen with a message', async () => {
    expectedErrors = [/status of 401/];
    await page.context().clearCookies();
    await page.getByRole('navigation', { name: 'Registers' }).getByRole('link', { name: 'Incidents' }).click();
    await page.getByText('Your session expired').waitFor();
    await shot(page, 'login-expired');
    expectedErrors = [];
  });

  await step('no console errors', async () => {
    check(consoleErrors.length === 0, `console errors:\n  ${consoleErrors.join('\n  ')}`);
  });
} catch (error) {
  if (!error.reported) console.log(`FAIL ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  server.kill('SIGTERM');
  await new Promise((done) => server.once('exit', done));
  rmSync(work, { recursive: true, force: true });
}

console.log('');
console.log('Figures (demo --scale 10, headless Chromium, loopback; measured, not asserted):');
console.log(`  login to complete dashboard: ${figures.loginToDashboardMs ?? '?'} ms (target < 1000)`);
console.log(`  first-load transfer (login page: HTML, JS, CSS, icon): ${((figures.firstLoadBytes ?? 0) / 1024).toFixed(1)} KB (target < 300)`);
console.log(`  JavaScript, compressed: ${((figures.scriptBytes ?? 0) / 1024).toFixed(1)} KB (target < 200)`);
console.log(`  API responses for the dashboard: ${((figures.dashboardApiBytes ?? 0) / 1024).toFixed(1)} KB`);
console.log(`Screenshots: ${shots}`);
if (consoleErrors.length && exitCode === 0) exitCode = 1;
console.log(`${results.filter((line) => line.startsWith('ok')).length} passed, ${failures} failed`);
process.exit(exitCode);
