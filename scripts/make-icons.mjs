#!/usr/bin/env node
// Draws the app and tray icons and writes them as PNGs under resources/ (committed; run again
// after changing the design: `node scripts/make-icons.mjs`). A hand-written rasteriser because
// the icon is a few geometric shapes: an image library (sharp, canvas) would add a native
// dependency to every install for a file that changes once a year. Shapes are signed distance
// functions, sampled 4×4 per pixel for anti-aliasing; PNG is zlib-deflated RGBA with CRC32s
// from node:zlib.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const out = new URL('../resources/', import.meta.url).pathname;

/** PNG file bytes for an RGBA buffer (8-bit, colour type 6, no interlace). */
export function encodePng(width, height, rgba) {
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Rounded box of half-size (bx, by) and corner radius r, centred at the origin. */
function roundedBox(x, y, bx, by, r) {
  const qx = Math.abs(x) - bx + r;
  const qy = Math.abs(y) - by + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/**
 * The handset in a 24-unit box: a band around a centre near the top right, thick at both ends
 * (ear and mouth pieces), thin in between. Each part is a rounded box in polar coordinates
 * (radial offset, arc length), close enough to a true distance at this curvature.
 */
const CENTRE = [19.6, 4.4];
const PARTS = [
  { angle: 135, halfAngle: 45, r: 15.2, halfR: 1.2, round: 1.0 }, // body
  { angle: 172, halfAngle: 12, r: 13.6, halfR: 2.8, round: 1.4 }, // ear piece
  { angle: 98, halfAngle: 12, r: 13.6, halfR: 2.8, round: 1.4 }, // mouth piece
];
function handset(x, y) {
  const dx = x - CENTRE[0];
  const dy = y - CENTRE[1];
  const radius = Math.hypot(dx, dy);
  const theta = Math.atan2(dy, dx);
  let d = Infinity;
  for (const part of PARTS) {
    const delta = Math.atan2(Math.sin(theta - (part.angle * Math.PI) / 180), Math.cos(theta - (part.angle * Math.PI) / 180));
    const arc = delta * part.r;
    const halfArc = ((part.halfAngle * Math.PI) / 180) * part.r;
    d = Math.min(d, roundedBox(radius - part.r, arc, part.halfR, halfArc, part.round));
  }
  return d;
}

const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);

/**
 * Rasterises `paint(u, v)` (u, v in 0..1; returns [r, g, b, a] in 0..255 or null) with 4×4
 * samples per pixel, averaging premultiplied colour.
 */
function render(size, paint) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = paint((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!c) continue;
          const a = c[3] / 255;
          acc[0] += c[0] * a;
          acc[1] += c[1] * a;
          acc[2] += c[2] * a;
          acc[3] += a;
        }
      }
      const o = (py * size + px) * 4;
      const alpha = acc[3] / (n * n);
      rgba[o + 3] = Math.round(alpha * 255);
      if (acc[3] > 0) for (let i = 0; i < 3; i++) rgba[o + i] = Math.round(acc[i] / acc[3]);
    }
  }
  return rgba;
}

/**
 * Small sizes draw the handset bolder (its distance field dilated), or the thin middle of the
 * band vanishes into one grey pixel row.
 */
const boldnessFor = (size) => (size <= 16 ? 0.9 : size <= 32 ? 0.6 : size <= 64 ? 0.3 : 0);

/** The app icon: a white handset on a blue-teal rounded square, with a margin for macOS's grid. */
const appIcon = (size) => (u, v) => {
  const bold = boldnessFor(size);
  const margin = 0.08;
  const half = 0.5 - margin;
  const square = roundedBox(u - 0.5, v - 0.5, half, half, 0.2);
  if (square > 0) return null;
  const top = [34, 184, 207];
  const bottom = [25, 103, 194];
  const bg = mix(top, bottom, Math.min(1, Math.max(0, (u + v) / 2)));
  // The handset fills the middle 60% of the square, nudged to balance its visual weight.
  const scale = 24 / 0.58;
  const hx = (u - 0.5) * scale + 12 + 0.3;
  const hy = (v - 0.5) * scale + 12 - 0.3;
  const shadow = handset(hx - 0.35, hy - 0.6) - bold;
  const onHandset = handset(hx, hy) - bold <= 0;
  if (onHandset) return [255, 255, 255, 255];
  if (shadow <= 0 && size > 32) return [...mix(bg, [10, 40, 90], 0.25), 255];
  return [...bg, 255];
};

/** A tray glyph: the handset alone, in one colour, filling the square as panels expect. */
const trayGlyph = (colour, size) => (u, v) => {
  const scale = 24 / 0.94;
  const d = handset((u - 0.5) * scale + 12 + 0.4, (v - 0.5) * scale + 12 - 0.4) - boldnessFor(size);
  return d <= 0 ? [...colour, 255] : null;
};

const write = (name, size, paint) => {
  const path = join(out, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, encodePng(size, size, render(size, paint)));
  return path;
};

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  write('icon.png', 1024, appIcon(1024));
  // Linux wants one PNG per size in a folder named by size; Windows and macOS get .ico/.icns
  // converted by electron-builder from icon.png.
  for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) write(`icons/${size}x${size}.png`, size, appIcon(size));
  // Dark glyph for light panels: pure black, so macOS can use it as a template image too.
  write('tray-dark.png', 16, trayGlyph([0, 0, 0], 16));
  write('tray-dark@2x.png', 32, trayGlyph([0, 0, 0], 32));
  // Light glyph for dark panels.
  write('tray-light.png', 16, trayGlyph([255, 255, 255], 16));
  write('tray-light@2x.png', 32, trayGlyph([255, 255, 255], 32));
  console.log(`icons written to ${out}`);
}
