/**
 * Entry of the widget window: builds the iframe with the configured URL and starts the host.
 * The iframe is created by script because its URL is a setting.
 */
import { createWidgetHost } from './widget-host/host';
import { createStatusBar } from './widget-host/status-bar';

/** The widget's own adapter sandboxes its iframe with exactly these flags. */
const SANDBOX = 'allow-same-origin allow-scripts allow-forms allow-popups allow-downloads allow-popups-to-escape-sandbox';

async function start(): Promise<void> {
  const statusElement = document.getElementById('status');
  const container = document.getElementById('widget');
  if (!statusElement || !container) return;
  const status = createStatusBar(statusElement);
  const api = (window as Partial<Window>).softphone;
  if (!api) return status.show('This page runs only inside Contacts Softphone.');
  const config = await api.widget.config();
  if (!config.ok) return status.show(`The phone could not be loaded: ${config.error.message}`);

  const frame = document.createElement('iframe');
  frame.id = 'rc-widget-adapter-frame';
  frame.title = 'Phone';
  frame.setAttribute('allow', 'microphone; autoplay');
  frame.setAttribute('sandbox', SANDBOX);
  container.append(frame);
  createWidgetHost({
    window,
    frame,
    api,
    config: config.value,
    status,
    log: (message) => console.warn(`[widget-host] ${message}`),
  }).start();
}

void start();
