/**
 * The slice of the DOM the contact view uses, so it is unit-tested under Node with a small
 * fake. Text goes in through `textContent` only; nothing here can parse markup.
 */
export interface ViewElement {
  textContent: string | null;
  className: string;
  append(...children: ViewElement[]): void;
  setAttribute(name: string, value: string): void;
  addEventListener(type: 'click' | 'error', listener: () => void): void;
}

export interface ViewDocument {
  createElement(tag: string): ViewElement;
  title: string;
}
