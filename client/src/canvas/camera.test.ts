import { describe, expect, it } from 'vitest';
import { fitView, readableView, toWorld, visibleWorld, zoomAt, MAX_ZOOM, MIN_ZOOM } from './camera.ts';

describe('fitView', () => {
  it.each([
    ['nothing to show: the origin in the middle at 100%', null, { w: 800, h: 600 }, { x: 400, y: 300, zoom: 1 }],
    ['a wide board scales to the width', { x: 0, y: 0, w: 1000, h: 500 }, { w: 548, h: 548 }, { x: 24, y: 149, zoom: 0.5 }],
    ['a small board is not blown up past 125%', { x: 0, y: 0, w: 200, h: 120 }, { w: 1920, h: 1080 }, { x: 835, y: 465, zoom: 1.25 }],
    ['a board far from the origin is centred', { x: 1000, y: 1000, w: 200, h: 100 }, { w: 248, h: 148 }, { x: -976, y: -976, zoom: 1 }],
    ['a huge board stops at the smallest zoom', { x: 0, y: 0, w: 1e6, h: 10 }, { w: 800, h: 600 }, { x: -49600, y: 300, zoom: MIN_ZOOM }],
  ] as const)('%s', (_name, world, size, expected) => {
    const camera = fitView(world, size);
    expect(camera.zoom).toBeCloseTo(expected.zoom);
    expect(camera.x).toBeCloseTo(expected.x, 0);
    expect(camera.y).toBeCloseTo(expected.y, 0);
  });
});

describe('zoomAt', () => {
  it.each([
    ['zooming in keeps the point under the pointer', { x: 0, y: 0, zoom: 1 }, 2, { x: 100, y: 50 }],
    ['zooming out too', { x: -300, y: 40, zoom: 0.8 }, 0.5, { x: 640, y: 360 }],
    ['clamped at the largest zoom', { x: 10, y: 10, zoom: 2 }, 10, { x: 0, y: 0 }],
  ] as const)('%s', (_name, camera, factor, screen) => {
    const next = zoomAt(camera, factor, screen);
    expect(next.zoom).toBeLessThanOrEqual(MAX_ZOOM);
    const before = toWorld(camera, screen);
    const after = toWorld(next, screen);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });
});

it('visibleWorld is what fitView fits back', () => {
  const camera = { x: -120, y: 80, zoom: 0.5 };
  const world = visibleWorld(camera, { w: 1000, h: 500 });
  expect(world).toEqual({ x: 240, y: -160, w: 2000, h: 1000 });
  expect(fitView(world, { w: 1000, h: 500 }, 10).zoom).toBeLessThan(0.5);
});

describe('readableView', () => {
  const WINDOW = { w: 940, h: 330 };
  const PROJECTOR_CANVAS = { w: 1880, h: 660 };
  it.each([
    ['a page: the readable zoom, centred on it', { x: 0, y: 0, w: 940, h: 330 }, PROJECTOR_CANVAS, false, { x: 0, y: 0, zoom: 2 }],
    ['a page of one note: still the readable zoom, every page alike', { x: 0, y: 0, w: 200, h: 120 }, PROJECTOR_CANVAS, false, { x: 740, y: 210, zoom: 2 }],
    ['a smaller projector: the same window, a smaller zoom', { x: 0, y: 0, w: 940, h: 330 }, { w: 1253, h: 440 }, false, { x: 0, y: 0, zoom: 1.333 }],
    ['a short canvas area: the height decides', { x: 0, y: 0, w: 940, h: 330 }, { w: 1880, h: 330 }, false, { x: 470, y: 0, zoom: 1 }],
    ['a followed view wider than a page: its middle, readable', { x: 0, y: 0, w: 3000, h: 1000 }, PROJECTOR_CANVAS, true, { x: -2060, y: -670, zoom: 2 }],
    ['a followed view closer than a page: as close as it is', { x: 100, y: 100, w: 400, h: 200 }, PROJECTOR_CANVAS, true, { x: 190, y: -170, zoom: MAX_ZOOM }],
  ] as const)('%s', (_name, target, size, closer, expected) => {
    const camera = readableView(target, size, WINDOW, closer);
    expect(camera.zoom).toBeCloseTo(expected.zoom, 2);
    expect(camera.x).toBeCloseTo(expected.x, 0);
    expect(camera.y).toBeCloseTo(expected.y, 0);
  });
});
