// Drives Camunda Tasklist and Cockpit of a running runbook in a real browser (Debian's chromium through
// playwright-core) the way a person would, for TasklistBrowserIT. One flow per call:
//
//   node tasklist-trust.mjs <flow> <output folder>
//
//   approval  the requester opens "Approve the patch window" and is refused readably (four eyes); another change
//             manager sees the patch, approves it in the form and the task leaves the list
//   operator  an operator's Start process list (install sections, no internal patch sections), a run started from
//             its start form, and the run's first operator task completed in its Camunda Form
//   login     wrong passwords on the login page (401, then 429 while slowed), then the right one after
//             Retry-After, into the Cockpit dashboard
//
// The configuration comes as JSON in the environment variable TASKLIST_TRUST_CONFIG:
//   { "baseUrl": "http://localhost:8080", "chromium": "/usr/bin/chromium",
//     "users": { "admin"|"requester"|"approver"|"operator"|"manager": { "id": "...", "password": "..." } },
//     "patchFile": "ECE_12.5_ES5.zip", "estate": "massivedynamic" }
//
// Screenshots go to the output folder as <flow>-<step>.png, what the browser sent and the server answered to
// <flow>.json. Any failed expectation ends the script with exit code 1, one line starting "FAILED" that says what
// was expected and what the page showed, and a screenshot <flow>-failed.png.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [flow, outArg] = process.argv.slice(2);
const flows = { approval, operator, login };
if (!flows[flow] || !outArg) {
  console.error(`usage: node tasklist-trust.mjs <${Object.keys(flows).join('|')}> <output folder>`);
  process.exit(2);
}
const config = JSON.parse(process.env.TASKLIST_TRUST_CONFIG ?? '{}');
for (const role of ['admin', 'requester', 'approver', 'operator', 'manager']) {
  if (!config.users?.[role]?.id || !config.users[role].password) {
    console.error(`TASKLIST_TRUST_CONFIG has no users.${role}.id and .password`);
    process.exit(2);
  }
}
const base = (config.baseUrl ?? 'http://localhost:8080').replace(/\/$/, '');
const out = resolve(outArg);
mkdirSync(out, { recursive: true });

const APPROVAL_TASK = 'Approve the patch window';
const OPERATOR_TASK = 'Confirm the VMs are deployed';
const RUN_SECTION = 'Preinstallation';
const MUST_BE_STARTABLE = ['Install ECE HA', RUN_SECTION];
const MUST_NOT_BE_STARTABLE = ['Patch ECE in the window', 'Check the step fits in the window', 'Roll back the patch',
  'Seed the secondary replica', 'Schedule a patch'];

/** What the flow found, written to <flow>.json for the Java side's checks over REST. */
const record = { flow, steps: [] };
const browsers = [];
const exchanges = [];
let current = null;

class Expectation extends Error {}

function expect(condition, message) {
  if (!condition) {
    throw new Expectation(message);
  }
}

const began = Date.now();

function step(text) {
  record.steps.push(text);
  console.log(`[${flow} +${((Date.now() - began) / 1000).toFixed(1)}s] ${text}`);
}

async function shot(page, name) {
  const file = join(out, `${flow}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`[${flow}] screenshot ${file}`);
  return file;
}

/** A person at their own browser: a fresh chromium profile, watched for what it sends to the engine. */
async function browserFor(user) {
  const profile = mkdtempSync(join(tmpdir(), `tasklist-trust-${user.id}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: config.chromium ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(20_000);
  const person = { user, context, page, profile };
  page.on('pageerror', (error) => console.log(`[${flow}] page error (${user.id}): ${error.message}`));
  page.on('response', async (response) => {
    const request = response.request();
    if (request.method() === 'GET' || request.method() === 'OPTIONS' || !response.url().includes('/camunda/api/')) {
      return;
    }
    const body = await response.text().catch(() => '');
    exchanges.push({
      user: user.id,
      method: request.method(),
      url: response.url().replace(base, ''),
      // The login form carries a password: only its user name is kept.
      requestBody: response.url().includes('/login/') ? `username=${user.id}&password=***` : request.postData(),
      status: response.status(),
      retryAfter: response.headers()['retry-after'] ?? null,
      responseBody: body.slice(0, 2000),
    });
  });
  browsers.push(person);
  current = person;
  return person;
}

async function close(person) {
  await person.context.close().catch(() => {});
  rmSync(person.profile, { recursive: true, force: true });
  browsers.splice(browsers.indexOf(person), 1);
}

/** Waits for the answer to the next request of the page whose path matches, while action runs. */
async function exchange(page, method, pathPattern, action, timeout = 15_000) {
  const waiting = page.waitForResponse((response) => response.request().method() === method
    && pathPattern.test(new URL(response.url()).pathname), { timeout });
  await action();
  let response;
  try {
    response = await waiting;
  } catch {
    throw new Expectation(`the browser sent no ${method} matching ${pathPattern} within ${timeout / 1000} s`);
  }
  return {
    method,
    path: new URL(response.url()).pathname,
    requestBody: response.url().includes('/login/') ? '(login form)' : response.request().postData(),
    status: response.status(),
    retryAfter: response.headers()['retry-after'] ?? null,
    body: await response.text().catch(() => ''),
  };
}

/** The engine's REST API as the administrator, for what a person cannot see (a task still open). */
async function rest(path) {
  const admin = config.users.admin;
  const response = await fetch(base + path, {
    headers: {
      Accept: 'application/json',
      Authorization: 'Basic ' + Buffer.from(`${admin.id}:${admin.password}`).toString('base64'),
    },
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: response.status, json, text };
}

async function logIn(person, app) {
  const { page, user } = person;
  await page.goto(`${base}/camunda/app/${app}/`);
  // On a loaded machine Angular may still be routing to #/login when the fields are first filled, and the form it
  // then draws is empty: fill, confirm the fields hold the values, and try again if no login request left.
  for (let attempt = 1; ; attempt += 1) {
    await page.waitForLoadState('networkidle').catch(() => {});
    const username = page.locator('input[ng-model="username"]');
    const password = page.locator('input[ng-model="password"]');
    await username.fill(user.id);
    await password.fill(user.password);
    const filled = await username.inputValue() === user.id && await password.inputValue() === user.password;
    try {
      expect(filled, `the login form did not keep ${user.id}'s name and password`);
      const answer = await exchange(page, 'POST', /\/login\//, () => page.locator('button[type=submit]').click(),
        10_000);
      expect(answer.status === 200, `${user.id} could not log in to ${app}: ${answer.status} ${answer.body}`);
      break;
    } catch (failure) {
      if (attempt === 3 || !(failure instanceof Expectation) || /could not log in/.test(failure.message)) {
        throw failure;
      }
      step(`${user.id}'s login attempt ${attempt} did not reach the server (${failure.message}); trying again`);
      await page.goto(`${base}/camunda/app/${app}/`);
    }
  }
  step(`${user.id} logged in to ${app}`);
}

/** The text of the page's visible notifications (Camunda's alerts), one string. */
async function notifications(page) {
  const texts = await page.locator('.notifications .alert:visible').allInnerTexts();
  return texts.map((text) => text.replace(/^×\s*/, '').replace(/\s+/g, ' ').trim()).join(' | ');
}

async function awaitNotification(page, pattern, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let seen = '';
  while (Date.now() < deadline) {
    seen = await notifications(page);
    if (pattern.test(seen)) {
      return seen;
    }
    await page.waitForTimeout(200);
  }
  return seen;
}

/** Opens a filter and the first task in it with the given name; waits up to timeout ms for it to appear. */
async function openTask(page, filterName, taskName, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  const link = page.locator('ol.tasks-list li h4.task a')
    .filter({ hasText: taskName }).first();
  for (;;) {
    await page.locator('.task-filters').getByText(filterName).first().click();
    try {
      await link.waitFor({ timeout: 3000 });
      break;
    } catch (notYet) {
      if (Date.now() > deadline) {
        throw new Expectation(`"${taskName}" did not appear in the filter "${filterName}" within ${timeout / 1000} s`);
      }
      await page.reload();
    }
  }
  await link.click();
  await page.locator('.task-details').getByText(taskName).first().waitFor();
  // The Camunda Form is rendered by form-js inside the task's form tab.
  await page.locator('.fjs-form').first().waitFor();
}

/** The task id Tasklist shows in its address after a task was opened (…?task=<id>). */
function openTaskId(page) {
  const match = /[?&]task=([0-9a-f-]{36})/.exec(page.url());
  return match ? match[1] : null;
}

/** Claims the open task and waits until Tasklist has re-rendered its form for the new assignee. */
async function claim(page) {
  const answer = await exchange(page, 'POST', /\/task\/[^/]+\/claim$/,
    () => page.locator('.task-details').getByText('Claim', { exact: true }).click());
  if (answer.status === 204) {
    await page.locator('div.disabled-form').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
    await page.locator('.fjs-form .fjs-input:enabled').first().waitFor();
    // Tasklist loads the task and its form again after a claim; let that settle before typing.
    await page.waitForTimeout(500);
  }
  return answer;
}

async function completeButton(page) {
  return page.locator('.task-details .form-actions button', { hasText: 'Complete' });
}

/** Clicks Complete and returns what the server answered to Tasklist's submit-form. */
async function complete(page) {
  const button = await completeButton(page);
  await button.waitFor();
  expect(await button.isEnabled(), 'the Complete button is disabled');
  return exchange(page, 'POST', /\/task\/[^/]+\/submit-form$/, () => button.click());
}

async function awaitGoneFromList(page, taskName, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const names = await page.locator('ol.tasks-list').allInnerTexts();
    if (!names.join(' ').includes(taskName)) {
      return true;
    }
    await page.waitForTimeout(300);
  }
  return false;
}

// ------------------------------------------------------------------------------------------------------ flows

async function approval() {
  const requester = await browserFor(config.users.requester);
  await logIn(requester, 'tasklist');
  await openTask(requester.page, 'Change approvals', APPROVAL_TASK);
  const taskId = openTaskId(requester.page);
  expect(taskId, `no task id in Tasklist's address after opening "${APPROVAL_TASK}": ${requester.page.url()}`);
  record.approvalTaskId = taskId;
  step(`${requester.user.id} opened "${APPROVAL_TASK}" (task ${taskId})`);

  // Tasklist lets nobody fill in a candidate task before claiming it; the server refuses the requester's claim.
  const refusedClaim = await claim(requester.page);
  record.requesterClaim = refusedClaim;
  step(`${requester.user.id} clicked Claim: ${refusedClaim.status} ${refusedClaim.body}`);
  const shown = await awaitNotification(requester.page, /four eyes/i);
  record.requesterSaw = shown;
  await shot(requester.page, 'requester-refused');
  expect(refusedClaim.status >= 400 && refusedClaim.status < 500,
    `the requester's claim was answered ${refusedClaim.status}, not a refusal: ${refusedClaim.body}`);
  expect(/four eyes/i.test(shown), `the page shows no refusal naming four eyes; notifications: "${shown}"`);
  step(`the page shows: "${shown}"`);

  // Approve and Complete as far as Tasklist lets her. Tasklist lays a "disabled-form" cover over the form of a task
  // not assigned to the viewer, so after the refused claim neither the choice nor Complete takes a click.
  const page = requester.page;
  const approve = page.locator('.fjs-form').getByLabel('Approve', { exact: true });
  const clickable = async (locator) => locator.click({ trial: true, timeout: 1000 }).then(() => true, () => false);
  const button = await completeButton(page);
  const canApprove = await clickable(approve);
  const canComplete = await button.isVisible() && await button.isEnabled() && await clickable(button);
  if (canApprove && canComplete) {
    await approve.check();
    const completion = await complete(page);
    record.requesterCompletion = completion;
    const again = await awaitNotification(page, /four eyes/i);
    await shot(page, 'requester-complete-refused');
    expect(completion.status === 400 && /four eyes/i.test(again),
      `the requester's Complete was answered ${completion.status} ${completion.body}; the page shows "${again}"`);
    step(`${requester.user.id} chose Approve and clicked Complete: ${completion.status}; the page shows "${again}"`);
  } else {
    record.requesterCompletion = `not possible in Tasklist after the refused claim: Approve ${canApprove
      ? 'clickable' : 'covered by the disabled form'}, Complete ${canComplete ? 'clickable' : 'not clickable'}`;
    step(`${requester.user.id} chooses Approve and Complete: ${record.requesterCompletion}`);
    expect(!canComplete, 'Complete is clickable while the form is disabled');
  }
  const task = await rest(`/engine-rest/task/${taskId}`);
  expect(task.status === 200, `the approval task is no longer open after the refusal: ${task.status} ${task.text}`);
  expect(!task.json?.assignee, `the approval task is assigned to ${task.json?.assignee} after the refusal`);
  step('the approval task is still open and unassigned (REST, as administrator)');
  await close(requester);

  const approver = await browserFor(config.users.approver);
  await logIn(approver, 'tasklist');
  await openTask(approver.page, 'Change approvals', APPROVAL_TASK);
  expect(openTaskId(approver.page) === taskId,
    `${approver.user.id} opened task ${openTaskId(approver.page)}, not the patch's approval ${taskId}`);
  const details = await approver.page.locator('.fjs-form').innerText();
  for (const wanted of [config.patchFile, config.users.requester.id, config.estate]) {
    expect(details.includes(wanted), `the approval form does not show "${wanted}"; it shows: ${details.slice(0, 600)}`);
  }
  step(`${approver.user.id} sees the patch details (${config.patchFile}, registered by ${config.users.requester.id})`);
  const claimed = await claim(approver.page);
  record.approverClaim = claimed;
  expect(claimed.status === 204, `${approver.user.id}'s claim was answered ${claimed.status} ${claimed.body}`);
  await approver.page.locator('.fjs-form').getByLabel('Approve', { exact: true }).check();
  await shot(approver.page, 'approver-form');
  const approved = await complete(approver.page);
  record.approverCompletion = approved;
  step(`${approver.user.id} clicked Complete: Tasklist sent ${approved.requestBody}; the server answered`
    + ` ${approved.status} ${approved.body}`);
  expect(approved.status === 204, `Tasklist's approval was refused: request ${approved.requestBody},`
    + ` answer ${approved.status} ${approved.body}; notifications: "${await notifications(approver.page)}"`);
  const gone = await awaitGoneFromList(approver.page, APPROVAL_TASK);
  await shot(approver.page, 'approver-approved');
  expect(gone, `"${APPROVAL_TASK}" is still in ${approver.user.id}'s list after the approval`);
  step(`"${APPROVAL_TASK}" left ${approver.user.id}'s list`);
  await close(approver);
}

async function operator() {
  const person = await browserFor(config.users.operator);
  const { page, user } = person;
  await logIn(person, 'tasklist');
  await page.locator('.task-filters').getByText('Operator tasks').first().waitFor();
  await page.getByText('Start process', { exact: true }).click();
  const modal = page.locator('.modal-content');
  const entries = modal.locator('ul.processes li a');
  await entries.first().waitFor();

  // Every page of the list.
  const names = [];
  for (let pages = 0; pages < 20; pages++) {
    for (const text of await entries.allInnerTexts()) {
      names.push(text.trim());
    }
    const next = modal.locator('li.pagination-next');
    if (await next.count() === 0 || /disabled/.test(await next.getAttribute('class') ?? '')) {
      break;
    }
    const first = (await entries.first().innerText()).trim();
    await next.locator('a').click();
    await page.waitForFunction((before) => {
      const now = document.querySelector('.modal-content ul.processes li a');
      return now && now.innerText.trim() !== before;
    }, first);
  }
  record.startable = names;
  await shot(page, 'start-list');
  step(`${user.id}'s Start process list: ${names.join(', ')}`);
  for (const wanted of MUST_BE_STARTABLE) {
    expect(names.includes(wanted), `"${wanted}" is not in ${user.id}'s Start process list: ${names.join(', ')}`);
  }
  const internal = MUST_NOT_BE_STARTABLE.filter((name) => names.includes(name));
  expect(internal.length === 0, `${user.id}'s Start process list offers ${internal.join(', ')}`);

  await modal.locator('input[ng-model="page.searchValue"]').fill(RUN_SECTION);
  await modal.locator('ul.processes li a').filter({ hasText: new RegExp(`^\\s*${RUN_SECTION}\\s*$`) }).click();
  await modal.locator('.fjs-form').waitFor();
  await modal.getByLabel('Estate').fill(config.estate);
  await modal.getByLabel('Rehearsal (simulated lab)').check();
  await shot(page, 'start-form');
  const started = await exchange(page, 'POST', /\/process-definition\/[^/]+\/submit-form$/,
    () => modal.getByRole('button', { name: 'Start', exact: true }).click());
  record.start = started;
  step(`${user.id} clicked Start: Tasklist sent ${started.requestBody}; the server answered ${started.status}`
    + ` ${started.body.slice(0, 300)}`);
  let instance = null;
  try {
    instance = JSON.parse(started.body);
  } catch {
    // checked below
  }
  expect(started.status === 200 && instance?.id, `Tasklist's start of ${RUN_SECTION} was refused: request`
    + ` ${started.requestBody}, answer ${started.status} ${started.body}; notifications: "${await notifications(page)}"`);
  const prefix = `${config.estate}.rehearsal.`;
  expect(instance.businessKey?.startsWith(prefix), `the run's business key ${instance.businessKey} does not start`
    + ` with ${prefix}`);
  record.runId = instance.id;
  record.runBusinessKey = instance.businessKey;
  await page.waitForTimeout(500);
  await shot(page, 'started');

  // The run's first operator task: System checks (sys-1) confirms the VMs, right after listing them.
  await openTask(page, 'Operator tasks', OPERATOR_TASK, 60_000);
  const taskId = openTaskId(page);
  const task = await rest(`/engine-rest/task/${taskId}`);
  expect(task.status === 200, `the opened task ${taskId} is not an open task: ${task.status} ${task.text}`);
  const owner = await rest(`/engine-rest/process-instance/${task.json.processInstanceId}`);
  expect(owner.json?.businessKey === instance.businessKey, `the opened "${OPERATOR_TASK}" belongs to run`
    + ` ${owner.json?.businessKey}, not to ${instance.businessKey}`);
  record.operatorTaskId = taskId;
  step(`"${OPERATOR_TASK}" of run ${instance.businessKey} is in ${user.id}'s list (task ${taskId})`);
  const claimed = await claim(page);
  record.operatorClaim = claimed;
  expect(claimed.status === 204, `${user.id}'s claim was answered ${claimed.status} ${claimed.body}`);
  await page.locator('.fjs-form').getByLabel('All four VMs are deployed as listed').check();
  await page.locator('.fjs-form').getByLabel(/Notes for the run/).fill('Four VMs from the OVA (browser test)');
  await shot(page, 'task-form');
  const completed = await complete(page);
  record.operatorCompletion = completed;
  step(`${user.id} clicked Complete: Tasklist sent ${completed.requestBody}; the server answered ${completed.status}`
    + ` ${completed.body}`);
  expect(completed.status === 204, `the server refused Tasklist's own submission of "${OPERATOR_TASK}": request`
    + ` ${completed.requestBody}, answer ${completed.status} ${completed.body}; notifications:`
    + ` "${await notifications(page)}"`);
  const after = await rest(`/engine-rest/task/${taskId}`);
  expect(after.status === 404, `"${OPERATOR_TASK}" (${taskId}) is still open after Tasklist's submission:`
    + ` ${after.status} ${after.text}`);
  await awaitGoneFromList(page, OPERATOR_TASK, 5000);
  await shot(page, 'task-completed');
  step(`the server accepted Tasklist's submission; task ${taskId} is closed`);
  await close(person);
}

async function login() {
  const person = await browserFor(config.users.manager);
  const { page, user } = person;
  await page.goto(`${base}/camunda/app/cockpit/`);
  const username = page.locator('input[ng-model="username"]');
  const password = page.locator('input[ng-model="password"]');
  await username.waitFor();
  record.attempts = [];
  let throttled = null;
  for (let attempt = 1; attempt <= 8 && !throttled; attempt++) {
    await username.fill(user.id);
    await password.fill(`wrong-password-${attempt}`);
    const answer = await exchange(page, 'POST', /\/login\/cockpit$/,
      () => page.locator('button[type=submit]').click());
    let reason = '';
    try {
      reason = JSON.parse(answer.body).message ?? '';
    } catch {
      // Spring's 401 page is not a refusal of ours
    }
    // The page shows the newest answer; for a 429 it must be the server's own sentence.
    const shown = await awaitNotification(page, answer.status === 429 && reason
      ? { test: (text) => text.includes(reason) } : /Wrong credentials|Login Failed/i);
    record.attempts.push({ attempt, status: answer.status, retryAfter: answer.retryAfter, body: answer.body.slice(0, 300),
      shown });
    step(`wrong password ${attempt} for ${user.id}: ${answer.status}${answer.retryAfter ? ` (Retry-After ${answer.retryAfter})`
      : ''}; the page shows "${shown}"`);
    expect(answer.status === 401 || answer.status === 429,
      `a wrong password was answered ${answer.status}, not 401 or 429: ${answer.body}`);
    expect(/Login Failed/i.test(shown), `the login page shows no refusal after a ${answer.status}: "${shown}"`);
    if (attempt === 1) {
      await shot(page, 'wrong-password');
    }
    if (answer.status === 429) {
      expect(reason && shown.includes(reason), `the login page does not show the server's reason "${reason}"`
        + ` for the 429; it shows "${shown}"`);
      expect(answer.retryAfter, 'the 429 has no Retry-After header');
      throttled = answer;
      await shot(page, 'throttled');
    }
  }
  expect(throttled, `no wrong password was answered 429 in ${record.attempts.length} quick attempts: `
    + record.attempts.map((a) => a.status).join(', '));

  const seconds = Number.parseInt(throttled.retryAfter, 10);
  const wait = (Number.isFinite(seconds) ? seconds : 2) * 1000 + 300;
  step(`waiting ${wait} ms (Retry-After ${throttled.retryAfter})`);
  await page.waitForTimeout(wait);
  await username.fill(user.id);
  await password.fill(user.password);
  const right = await exchange(page, 'POST', /\/login\/cockpit$/, () => page.locator('button[type=submit]').click());
  record.rightPassword = { status: right.status, retryAfter: right.retryAfter, body: right.body.slice(0, 300) };
  expect(right.status === 200, `the right password after Retry-After was answered ${right.status} ${right.body}`);
  await page.waitForURL(/#\/dashboard/, { timeout: 20_000 });
  await page.getByText('Running Process Instances').first().waitFor();
  await shot(page, 'dashboard');
  step(`${user.id} is in Cockpit's dashboard`);
  await close(person);
}

// ------------------------------------------------------------------------------------------------------ main

const watchdog = setTimeout(() => {
  console.log(`FAILED [${flow}]: did not finish within 150 s`);
  process.exit(1);
}, 150_000);
let exitCode = 0;
try {
  await flows[flow]();
  console.log(`PASSED [${flow}]`);
} catch (error) {
  exitCode = 1;
  const message = error instanceof Expectation ? error.message : (error.stack ?? String(error));
  record.failure = message;
  console.log(`FAILED [${flow}]: ${message}`);
  if (current) {
    try {
      await shot(current.page, 'failed');
      console.log(`[${flow}] notifications on the page: "${await notifications(current.page)}"`);
    } catch (screenshotError) {
      console.log(`[${flow}] no screenshot: ${screenshotError.message}`);
    }
  }
} finally {
  record.exchanges = exchanges;
  for (const person of [...browsers]) {
    await close(person);
  }
  writeFileSync(join(out, `${flow}.json`), JSON.stringify(record, null, 2));
  clearTimeout(watchdog);
}
process.exit(exitCode);
