// The printed maps' symbols on screen: the server sends each category's outline (diameter 1,
// y down, none for a circle) and colour, drawn here as the renderer draws them on paper:
// filled, with a dark outline and a white rim.
import Icon from 'ol/style/Icon.js';
import Style from 'ol/style/Style.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';

export function symbolCanvas(style, scale = 1) {
  const d = style.diameter_px * scale;
  const pad = 3;
  const size = Math.ceil(d + 2 * pad);
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  const c = size / 2;
  const path = () => {
    ctx.beginPath();
    if (!style.omtrek || style.omtrek.length === 0) {
      ctx.arc(c, c, d / 2, 0, 2 * Math.PI);
    } else {
      style.omtrek.forEach(([x, y], i) => {
        const px = c + x * d;
        const py = c + y * d;
        if (i === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      });
      ctx.closePath();
    }
  };
  path();
  ctx.lineWidth = 3;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  ctx.fillStyle = style.kleur;
  ctx.fill();
  ctx.lineWidth = 1;
  ctx.strokeStyle = '#1a1a1a';
  ctx.stroke();
  return canvas;
}

export function pointStyle(style) {
  const canvas = symbolCanvas(style);
  return new Style({
    image: new Icon({ img: canvas, width: canvas.width, height: canvas.height }),
  });
}

export function areaStyle(style) {
  const fill = style.vulling
    ? new Fill({ color: hexWithAlpha(style.vulling, style.dekking ?? 1) })
    : new Fill({ color: 'rgba(0,0,0,0)' }); // clickable inside, not drawn
  return new Style({
    fill,
    stroke: new Stroke({ color: style.lijn, width: style.lijndikte_px }),
  });
}

export function hexWithAlpha(hex, alpha) {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

// A small legend swatch of an outline: solid, or dashed for "changed" / "not yet back".
export function lineSwatch(colour, dashed) {
  const swatch = document.createElement('span');
  swatch.className = 'lijnstaal';
  swatch.style.borderColor = colour;
  swatch.style.borderStyle = dashed ? 'dashed' : 'solid';
  return swatch;
}

// A small legend swatch for an area style.
export function areaSwatch(style) {
  const canvas = document.createElement('canvas');
  canvas.width = 22;
  canvas.height = 16;
  const ctx = canvas.getContext('2d');
  if (style.vulling) {
    ctx.fillStyle = hexWithAlpha(style.vulling, Math.max(style.dekking ?? 1, 0.35));
    ctx.fillRect(2, 2, 18, 12);
  }
  ctx.strokeStyle = style.lijn;
  ctx.lineWidth = Math.min(style.lijndikte_px, 3);
  ctx.strokeRect(2, 2, 18, 12);
  return canvas;
}
