/**
 * The Content-Security-Policy of our own pages. It is sent as a response header by the app
 * protocol (app-protocol.ts) because `frame-src` must name the widget origin, which is a user
 * setting: a static `<meta>` tag cannot know it. The pages also carry a static meta policy as a
 * second layer; browsers enforce both, so the effective policy is the stricter of the two.
 */

/** Builds the policy for pages that may frame only `widgetOrigin` (an exact origin string). */
export function contentSecurityPolicy(widgetOrigin: string): string {
  if (!/^https?:\/\/[^\s;,'"]+$/.test(widgetOrigin)) {
    throw new Error(`not an origin: ${JSON.stringify(widgetOrigin)}`);
  }
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: https:",
    `frame-src ${widgetOrigin}`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}
