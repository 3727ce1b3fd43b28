/**
 * The demo page: a task list rendered in the browser by locmsg/browser from
 * the server's bundles, with a locale switcher. Every rendered text goes
 * into the page with `textContent`, so a value such as `<b>` shows as text.
 */
export const DEMO_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>locmsg task list</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; max-width: 60rem; }
  form, .toolbar { display: flex; gap: .5rem; align-items: center; margin-bottom: 1rem; }
  ul { list-style: none; padding: 0; }
  li { padding: .4rem .6rem; border-bottom: 1px solid #ddd; }
  li small { display: block; color: #555; }
  #status { color: #555; }
  [hidden] { display: none !important; }
</style>
</head>
<body>
<h1>Tasks</h1>
<form id="login">
  <label>User <input name="userName" autocomplete="username" required></label>
  <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
  <button>Log in</button>
</form>
<div class="toolbar" id="toolbar" hidden>
  <label>Locale <select id="locale"></select></label>
  <span id="chain"></span>
</div>
<p id="status" role="status"></p>
<ul id="tasks" aria-live="polite"></ul>
<script type="module" src="/demo/demo.js"></script>
</body>
</html>
`;
