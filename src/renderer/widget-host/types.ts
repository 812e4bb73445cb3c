/**
 * The slices of the DOM the widget host touches, as plain interfaces: the host is unit-tested
 * under Node with fakes, and these files are type-checked without the DOM library.
 */

/** What the host posts to: the iframe's `contentWindow`. */
export interface MessageTarget {
  postMessage(message: unknown, targetOrigin: string): void;
}

/** A `message` event as the host reads it. */
export interface IncomingMessage {
  data: unknown;
  origin: string;
  source: unknown;
}

export interface HostWindow {
  addEventListener(type: 'message', listener: (event: IncomingMessage) => void): void;
  removeEventListener(type: 'message', listener: (event: IncomingMessage) => void): void;
  location: { reload(): void };
}

export interface WidgetFrame {
  src: string;
  readonly contentWindow: MessageTarget | null;
  addEventListener(type: 'load', listener: () => void): void;
  removeEventListener(type: 'load', listener: () => void): void;
}

/** Where status text goes (the status bar under the widget); text only. */
export interface StatusSink {
  show(text: string): void;
}
