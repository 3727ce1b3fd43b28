// The demo page's script: logs in to the VI/JSON API, polls the recent
// tasks once a second and renders them with locmsg/browser in the locale
// chosen in the switcher. Rendered text is set with textContent only.
import { loadLocmsg } from "/demo/locmsg-browser/index.js";
import { mf2 } from "/demo/locmsg-browser/mf2.js";

const API = "/sdk/vim25/8.0.3.0";
const MANIFEST = "/demo/bundles/manifest.json";
const POLL_MS = 1000;

const status = document.getElementById("status");
const list = document.getElementById("tasks");
const select = document.getElementById("locale");
const chain = document.getElementById("chain");
let sessionId;
let locmsg;
let tasks = [];

async function api(path, init = {}) {
  const response = await fetch(API + path, {
    ...init,
    headers: {
      "content-type": "application/json",
      ...(sessionId ? { "vmware-api-session-id": sessionId } : {}),
    },
  });
  if (!response.ok) {
    const fault = await response.json().catch(() => ({}));
    throw new Error(fault.localizedMessage || `HTTP ${response.status}`);
  }
  return { response, body: await response.json() };
}

async function useLocale(locale) {
  locmsg = await loadLocmsg(MANIFEST, {
    locale,
    mf2,
    onDiagnostic: (diagnostic) => console.warn("locmsg", diagnostic),
  });
  document.documentElement.lang = locmsg.locale;
  chain.textContent = `chain: ${locmsg.chain.join(" > ")}`;
  render();
}

function render() {
  const items = tasks.map((task) => {
    const info = locmsg.renderTaskInfo(task);
    const item = document.createElement("li");
    item.dataset.key = info.key;
    item.textContent = info.line;
    const summary = document.createElement("small");
    summary.textContent = info.summary;
    item.append(summary);
    return item;
  });
  list.replaceChildren(...items);
}

async function poll() {
  try {
    const { body: references } = await api(
      "/TaskManager/TaskManager/recentTask",
    );
    const infos = await Promise.all(
      references.map((reference) =>
        api(`/Task/${encodeURIComponent(reference.value)}/info`).then(
          ({ body }) => body,
        ),
      ),
    );
    tasks = infos;
    render();
    status.textContent = `${tasks.length} tasks, updated ${new Date().toLocaleTimeString(locmsg.locale)}`;
  } catch (error) {
    status.textContent = `Refresh failed: ${error.message}`;
  }
  setTimeout(poll, POLL_MS);
}

document.getElementById("login").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  try {
    const { response } = await api("/SessionManager/SessionManager/Login", {
      method: "POST",
      body: JSON.stringify({
        userName: form.get("userName"),
        password: form.get("password"),
      }),
    });
    sessionId = response.headers.get("vmware-api-session-id");
  } catch (error) {
    status.textContent = `Login failed: ${error.message}`;
    return;
  }
  const manifest = await (await fetch(MANIFEST)).json();
  for (const locale of manifest.locales) {
    const option = document.createElement("option");
    option.value = option.textContent = locale;
    select.append(option);
  }
  select.value = manifest.defaultLocale;
  event.target.hidden = true;
  document.getElementById("toolbar").hidden = false;
  await useLocale(select.value);
  poll();
});

select.addEventListener("change", () => useLocale(select.value));
