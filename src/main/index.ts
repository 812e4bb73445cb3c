/**
 * Main-process entry. Everything happens in app/start.ts; this file stays a one-liner so the
 * startup order is read in one place.
 */
import { start } from './app/start';

start();
