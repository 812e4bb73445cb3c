/**
 * Main-process entry. Everything happens in app/start.ts; this file only hands it the real
 * Electron API, so the startup order is read in one place and can be driven by a test.
 */
import * as electron from 'electron';
import { electronApiFrom } from './app/electron-api';
import { start } from './app/start';

start(electronApiFrom(electron));
