/**
 * Fills that tell series apart without colour: solid, then stripes, dots, hatching. A reader who
 * cannot distinguish two colours still matches a bar to its legend entry by its texture.
 */

const TILE = 10;

type Texture = (context: CanvasRenderingContext2D) => void;

function line(context: CanvasRenderingContext2D, x1: number, y1: number, x2: number, y2: number): void {
  context.beginPath();
  context.moveTo(x1, y1);
  context.lineTo(x2, y2);
  context.stroke();
}

const TEXTURES: readonly (Texture | undefined)[] = [
  undefined,
  (c) => {
    // Rising diagonals, drawn past the tile's corners so they join across tiles.
    line(c, -1, TILE + 1, TILE + 1, -1);
    line(c, -1, 1, 1, -1);
    line(c, TILE - 1, TILE + 1, TILE + 1, TILE - 1);
  },
  (c) => {
    c.beginPath();
    c.arc(TILE / 2, TILE / 2, 1.8, 0, Math.PI * 2);
    c.fill();
  },
  (c) => {
    line(c, -1, -1, TILE + 1, TILE + 1);
    line(c, TILE - 1, -1, TILE + 1, 1);
    line(c, -1, TILE - 1, 1, TILE + 1);
  },
  (c) => line(c, 0, TILE / 2, TILE, TILE / 2),
  (c) => {
    line(c, 0, TILE / 2, TILE, TILE / 2);
    line(c, TILE / 2, 0, TILE / 2, TILE);
  },
];

/**
 * Fills already made, by texture and colour: a chart's bars, its legend's swatches and its exported
 * image use the same few, at every drawing. A pattern is not tied to the canvas that made it.
 */
const made = new Map<string, string | CanvasPattern>();

/** The fill of the series in `slot` (see `series-slots.ts`): its colour, textured from the second slot on. */
export function seriesFill(colour: string, slot: number): string | CanvasPattern {
  const texture = slot % TEXTURES.length;
  const key = `${texture} ${colour}`;
  let fill = made.get(key);
  if (fill === undefined) made.set(key, (fill = texturedFill(colour, TEXTURES[texture])));
  return fill;
}

function texturedFill(colour: string, texture: Texture | undefined): string | CanvasPattern {
  if (!texture) return colour;
  const tile = document.createElement('canvas');
  tile.width = TILE;
  tile.height = TILE;
  const context = tile.getContext('2d');
  if (!context) return colour;
  context.fillStyle = colour;
  context.fillRect(0, 0, TILE, TILE);
  // Light marks on the series colour: the texture shows on every palette colour used.
  context.strokeStyle = 'rgba(255, 255, 255, 0.7)';
  context.fillStyle = 'rgba(255, 255, 255, 0.8)';
  context.lineWidth = 2;
  texture(context);
  return context.createPattern(tile, 'repeat') ?? colour;
}
