/**
 * A page on a third origin, loaded in a frame nested inside the simulator. It posts
 * well-formed widget requests straight to the renderer (`window.top`) and records anything it
 * receives, so a test can prove the renderer neither answers nor acts on them.
 */
export const HOSTILE_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>hostile</title></head><body>hostile frame
<script>
  window.received = [];
  window.addEventListener('message', (e) => window.received.push(e.data));
  window.sendHostile = (requestId, path, body) => {
    window.top.postMessage({ type: 'rc-post-message-request', requestId, path, body }, '*');
    window.top.postMessage({ type: 'rc-login-status-notify', loggedIn: true }, '*');
  };
</script></body></html>`;
