/**
 * Renders one contact into the contact window: picture, name, nickname and phonetic name,
 * company with its units and title, every number (click to dial through the widget), e-mails
 * (click to write), addresses, dates, websites (click to open in the browser), categories, notes
 * and the source file. Every string from the database is set as text, never as HTML.
 */
import type { ContactDetails } from '../../shared/contact';
import { websiteLinkTarget } from '../../shared/contact-links';
import type { ViewDocument, ViewElement } from './dom';
import { addressLines, dateLabel, formatContactDate, kindLabel, phoneticLine } from './extras-format';
import { dialString, initials, isShowableAvatar, phoneLabel } from './format';
import { apartSection, isLinked, linkedSection, valueSources, type Card } from './linked';

export interface ContactActions {
  dial(phoneNumber: string): void;
  email(address: string): void;
  /** Opens a website (the URL `websiteLinkTarget` gave) in the system browser, through main. */
  openUrl(url: string): void;
  /** Unlinks one part of a linked card (a contact id); without it, no Unlink buttons. */
  unlink?(partId: string): void;
  /** Links a contact of the card's "Kept apart" list with it again; without it, no Link again buttons. */
  link?(contactId: string): void;
}

/** Builds the view's element tree (the caller attaches it); dates are written for `locale`. */
export function renderContact(doc: ViewDocument, contact: Card, actions: ContactActions, locale?: string): ViewElement {
  const el = (tag: string, className: string, text?: string): ViewElement => {
    const node = doc.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  doc.title = contact.displayName;
  const root = el('article', 'contact');

  const header = el('header', 'contact-header');
  header.append(avatar(doc, el, contact), el('h1', 'contact-name', contact.displayName));
  if (contact.nickname) header.append(el('p', 'contact-nickname', `“${contact.nickname}”`));
  const phonetic = phoneticLine(contact.phoneticGivenName, contact.phoneticFamilyName);
  if (phonetic) header.append(el('p', 'contact-phonetic', phonetic));
  const organization = [contact.company, ...contact.organizationUnits].filter(Boolean).join(', ');
  const role = [contact.jobTitle, organization].filter((s): s is string => Boolean(s)).join(' · ');
  if (role) header.append(el('p', 'contact-role', role));
  root.append(header);

  if (contact.phones.length > 0) {
    const list = el('ul', 'contact-list');
    contact.phones.forEach((phone, i) => {
      const item = el('li', 'contact-item');
      const target = dialString(phone);
      const value = el(target ? 'button' : 'span', target ? 'contact-value action' : 'contact-value', phone.raw);
      if (target) {
        value.setAttribute('type', 'button');
        value.setAttribute('title', `Call ${target}`);
        value.addEventListener('click', () => actions.dial(target));
      }
      item.append(el('span', 'contact-label', phoneLabel(phone)), value);
      if (isLinked(contact)) item.append(el('span', 'contact-from', valueSources(contact, contact.phoneParts[i])));
      list.append(item);
    });
    root.append(section(el, 'Phone', list));
  }

  if (contact.emails.length > 0) {
    const list = el('ul', 'contact-list');
    contact.emails.forEach((address, i) => {
      const button = el('button', 'contact-value action', address);
      button.setAttribute('type', 'button');
      button.setAttribute('title', `Write to ${address}`);
      button.addEventListener('click', () => actions.email(address));
      const item = el('li', 'contact-item');
      item.append(el('span', 'contact-label', 'E-mail'), button);
      if (isLinked(contact)) item.append(el('span', 'contact-from', valueSources(contact, contact.emailParts[i])));
      list.append(item);
    });
    root.append(section(el, 'E-mail', list));
  }

  const rows = (items: Array<[string, ViewElement]>): ViewElement => {
    const list = el('ul', 'contact-list');
    for (const [label, value] of items) {
      const item = el('li', 'contact-item');
      item.append(el('span', 'contact-label', label), value);
      list.append(item);
    }
    return list;
  };

  if (contact.addresses.length > 0) {
    const items = contact.addresses.map((a): [string, ViewElement] => [kindLabel(a.type, 'Address'), el('span', 'contact-value contact-address', addressLines(a).join('\n'))]);
    root.append(section(el, 'Address', rows(items)));
  }

  if (contact.dates.length > 0) {
    const items = contact.dates.map((d): [string, ViewElement] => [dateLabel(d), el('span', 'contact-value', formatContactDate(d.value, locale))]);
    root.append(section(el, 'Dates', rows(items)));
  }

  if (contact.urls.length > 0) {
    const items = contact.urls.map((u): [string, ViewElement] => {
      const target = websiteLinkTarget(u.url);
      const value = el(target ? 'button' : 'span', target ? 'contact-value action' : 'contact-value', u.url);
      if (target) {
        value.setAttribute('type', 'button');
        value.setAttribute('title', `Open ${target} in the browser`);
        value.addEventListener('click', () => actions.openUrl(target));
      }
      return [kindLabel(u.type, 'Website'), value];
    });
    root.append(section(el, 'Web', rows(items)));
  }

  if (contact.categories.length > 0) {
    const list = el('ul', 'contact-categories');
    for (const category of contact.categories) list.append(el('li', 'contact-category', category));
    root.append(section(el, 'Categories', list));
  }

  if (contact.notes) root.append(section(el, 'Notes', el('p', 'contact-notes', contact.notes)));
  if (isLinked(contact)) root.append(linkedSection(el, contact, actions.unlink));
  else if (contact.source) {
    root.append(section(el, 'Source', el('p', 'contact-source', `${contact.source.path} (${contact.source.format})`)));
  }
  if (contact.apart?.length) root.append(apartSection(el, contact.apart, actions.link));
  return root;
}

type Make = (tag: string, className: string, text?: string) => ViewElement;

function section(el: Make, title: string, body: ViewElement): ViewElement {
  const node = el('section', 'contact-section');
  node.append(el('h2', 'contact-section-title', title), body);
  return node;
}

function avatar(_doc: ViewDocument, el: Make, contact: ContactDetails): ViewElement {
  const placeholder = el('div', 'contact-avatar placeholder', initials(contact.displayName));
  placeholder.setAttribute('aria-hidden', 'true');
  if (!isShowableAvatar(contact.avatar)) return placeholder;
  // A photo that cannot load (its host gone, not really an image) shows the initials instead
  // of a broken image: both are in the frame, the initials hidden until the image fails.
  const frame = el('div', 'contact-avatar-frame');
  const img = el('img', 'contact-avatar');
  img.setAttribute('src', contact.avatar);
  img.setAttribute('alt', '');
  img.setAttribute('referrerpolicy', 'no-referrer');
  placeholder.className = 'contact-avatar placeholder hidden';
  img.addEventListener('error', () => {
    img.className = 'contact-avatar hidden';
    placeholder.className = 'contact-avatar placeholder';
  });
  frame.append(img, placeholder);
  return frame;
}
